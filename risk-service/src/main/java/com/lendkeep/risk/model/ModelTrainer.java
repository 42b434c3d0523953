package com.lendkeep.risk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.lendkeep.platform.metrics.RocAuc;

/**
 * Trains a churn classifier on labelled feature vectors. Pure (no I/O): given the same rows and
 * seed it gives the same model. Metrics come from a held-out fifth of the rows; the model that is
 * returned is then trained on all of them.
 */
public final class ModelTrainer {

    private static final LabelFactory LABELS = new LabelFactory();

    public record Row(double[] features, boolean churned) {
    }

    public record Decile(int decile, int count, double meanPredicted, double observedRate) {
    }

    /** @param brier mean squared error of the predicted probabilities on the hold-out (lower is better) */
    public record Metrics(double validationAuc, int validationSize, List<Decile> calibration, Double brier) {
    }

    public record Result(Model<Label> model, Metrics metrics, double[] baseline, List<ColumnStats> stats) {
    }

    private ModelTrainer() {
    }

    public static Result train(Algorithm algorithm, List<Row> rows, long seed, int threads) {
        List<Row> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int validationSize = Math.max(1, shuffled.size() / 5);
        List<Row> validation = shuffled.subList(0, validationSize);
        List<Row> fit = shuffled.subList(validationSize, shuffled.size());

        Model<Label> probe = trainer(algorithm, seed, threads).train(dataset(fit));
        String[] names = FeatureVector.NAMES.toArray(String[]::new);
        LearnedModel probeModel = new LearnedModel("validation", probe, FeatureVector.NAMES, new double[names.length], null);
        double[] predicted = probeModel.probabilities(validation.stream().map(Row::features).toList());
        boolean[] actual = new boolean[validation.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = validation.get(i).churned();
        }
        Metrics metrics = new Metrics(RocAuc.of(predicted, actual), validation.size(), calibration(predicted, actual),
                brier(predicted, actual));

        Model<Label> model = trainer(algorithm, seed, threads).train(dataset(rows));
        return new Result(model, metrics, medians(rows), ColumnStats.of(FeatureVector.NAMES, rows.stream().map(Row::features).toList()));
    }

    public static double brier(double[] predicted, boolean[] actual) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - (actual[i] ? 1 : 0);
            sum += d * d;
        }
        return predicted.length == 0 ? 0.0 : sum / predicted.length;
    }

    private static Trainer<Label> trainer(Algorithm algorithm, long seed, int threads) {
        return switch (algorithm) {
            // features are already on small scales (logs, ratios, counts); Tribuo's standardizer would divide
            // the constant ones (no contacts in a data set, say) by a zero deviation
            case LOGISTIC_REGRESSION -> new LogisticRegressionTrainer();
            // 300 shallow trees, learning rate 0.05, row and column subsampling: tuned on the UCI replay (docs/risk-model.md)
            case GRADIENT_BOOSTED_TREES -> new XGBoostClassificationTrainer(300, 0.05, 0.0, 4, 5.0, 0.8, 0.8, 1.0, 0.0,
                    threads, true, seed);
        };
    }

    private static MutableDataset<Label> dataset(List<Row> rows) {
        String[] names = FeatureVector.NAMES.toArray(String[]::new);
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (Row r : rows) {
            examples.add(new ArrayExample<>(new Label(r.churned() ? LearnedModel.CHURNED : LearnedModel.RETAINED), names, r.features()));
        }
        return new MutableDataset<>(new ListDataSource<>(examples, LABELS, new SimpleDataSourceProvenance("risk-service features", LABELS)));
    }

    public static List<Decile> calibration(double[] predicted, boolean[] actual) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(predicted[a], predicted[b]));
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = d * order.length / 10;
            int to = (d + 1) * order.length / 10;
            if (to <= from) {
                continue;
            }
            double sum = 0;
            int positives = 0;
            for (int k = from; k < to; k++) {
                sum += predicted[order[k]];
                if (actual[order[k]]) {
                    positives++;
                }
            }
            deciles.add(new Decile(d + 1, to - from, sum / (to - from), (double) positives / (to - from)));
        }
        return deciles;
    }

    static double[] medians(List<Row> rows) {
        int d = FeatureVector.NAMES.size();
        double[] medians = new double[d];
        double[] column = new double[rows.size()];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < rows.size(); i++) {
                column[i] = rows.get(i).features()[j];
            }
            Arrays.sort(column);
            medians[j] = column[column.length / 2];
        }
        return medians;
    }
}
