package org.metroledger.gateway.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.List;
import org.metroledger.chaincode.json.Canonical;
import org.metroledger.chaincode.state.Page;

/**
 * What a function answers, to read its JSON as: a chaincode record, a list or a page of them. Fields
 * a newer chaincode adds are ignored, so a gateway keeps reading the records it knows.
 */
final class AnswerType<T> {
    private final ObjectReader reader;

    private AnswerType(JavaType type) {
        this.reader = Canonical.mapper().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static <T> AnswerType<T> of(Class<T> type) {
        return new AnswerType<>(TypeFactory.defaultInstance().constructType(type));
    }

    static <T> AnswerType<List<T>> listOf(Class<T> item) {
        return new AnswerType<>(TypeFactory.defaultInstance().constructCollectionType(List.class, item));
    }

    static <T> AnswerType<Page<T>> pageOf(Class<T> item) {
        return new AnswerType<>(TypeFactory.defaultInstance().constructParametricType(Page.class, item));
    }

    T read(String json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("the chaincode's answer is not a " + reader.getValueType(), e);
        }
    }
}
