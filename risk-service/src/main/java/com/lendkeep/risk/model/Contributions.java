package com.lendkeep.risk.model;

import java.util.ArrayList;
import java.util.List;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Each input's share of one customer's log-odds of churn, from the model itself: for logistic
 * regression the coefficient times the input's deviation from its training mean; for gradient-boosted
 * trees XGBoost's per-tree contributions (TreeSHAP), churned class minus retained class. Null for a
 * model of another kind (then the caller falls back to ablation).
 */
final class Contributions {

    private Contributions() {
    }

    /** One row per vector, one contribution per input (log-odds units); null when the model kind has none. */
    static double[][] of(Model<Label> model, String[] names, double[] means, List<double[]> vectors) {
        if (model instanceof AbstractLinearSGDModel<?> linear) {
            return linear(linear, model, names, means, vectors);
        }
        if (model instanceof XGBoostModel<?> trees) {
            return trees(trees, model, names, vectors);
        }
        return null;
    }

    private static double[][] linear(AbstractLinearSGDModel<?> linear, Model<Label> model, String[] names, double[] means,
            List<double[]> vectors) {
        DenseMatrix w = linear.getWeightsCopy();
        int churned = model.getOutputIDInfo().getID(new Label(LearnedModel.CHURNED));
        int retained = model.getOutputIDInfo().getID(new Label(LearnedModel.RETAINED));
        ImmutableFeatureMap features = model.getFeatureIDMap();
        double[] coefficient = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            int id = features.getID(names[j]);
            coefficient[j] = id < 0 ? 0.0 : w.get(churned, id) - (retained < 0 ? 0.0 : w.get(retained, id));
        }
        double[][] out = new double[vectors.size()][names.length];
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = 0; j < names.length; j++) {
                out[i][j] = coefficient[j] * (vectors.get(i)[j] - means[j]);
            }
        }
        return out;
    }

    private static double[][] trees(XGBoostModel<?> trees, Model<Label> model, String[] names, List<double[]> vectors) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int width = features.size();
        // the same sparse rows Tribuo gives XGBoost when it predicts: the example's features known to the model
        long[] rowHeaders = new long[vectors.size() + 1];
        List<Integer> columns = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Example<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, vectors.get(i));
            for (Feature f : example) {
                int id = features.getID(f.getName());
                if (id > -1) {
                    columns.add(id);
                    values.add((float) f.getValue());
                }
            }
            rowHeaders[i + 1] = columns.size();
        }
        int[] colIndex = columns.stream().mapToInt(Integer::intValue).toArray();
        float[] data = new float[values.size()];
        for (int k = 0; k < data.length; k++) {
            data[k] = values.get(k);
        }
        int churned = model.getOutputIDInfo().getID(new Label(LearnedModel.CHURNED));
        int retained = model.getOutputIDInfo().getID(new Label(LearnedModel.RETAINED));
        double[][] out = new double[vectors.size()][names.length];
        try {
            DMatrix matrix = new DMatrix(rowHeaders, colIndex, data, DMatrix.SparseType.CSR, width);
            try {
                for (Booster booster : trees.getInnerModels()) {
                    float[][] contrib = booster.predictContrib(matrix, 0);
                    int perClass = width + 1;
                    boolean multiClass = contrib.length > 0 && contrib[0].length >= 2 * perClass;
                    for (int i = 0; i < vectors.size(); i++) {
                        for (int j = 0; j < names.length; j++) {
                            int id = features.getID(names[j]);
                            if (id < 0) {
                                continue;
                            }
                            out[i][j] += multiClass ? contrib[i][churned * perClass + id] - contrib[i][retained * perClass + id]
                                    : (churned == 1 ? 1 : -1) * contrib[i][id];
                        }
                    }
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not explain the scores", e);
        }
        return out;
    }
}
