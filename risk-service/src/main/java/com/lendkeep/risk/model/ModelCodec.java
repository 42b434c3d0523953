package com.lendkeep.risk.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Turns a Tribuo model into bytes for the database and back. Reading only accepts Tribuo, OLCUT,
 * XGBoost and JDK classes: model bytes are not trusted blindly.
 */
public final class ModelCodec {

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "org.tribuo.**;com.oracle.labs.mlrg.olcut.**;ml.dmlc.xgboost4j.**;java.**;!*");

    private ModelCodec() {
    }

    public static byte[] toBytes(Model<Label> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("model cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static Model<Label> fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Model<Label>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("stored model cannot be read", e);
        }
    }
}
