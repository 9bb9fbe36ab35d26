package org.metroledger.chaincode.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.metroledger.chaincode.cache.BoundedCache;
import org.metroledger.chaincode.error.Fail;

/**
 * The one JSON mapper of the ledger: sorted keys, no whitespace, nulls left out, UTF-8. Two peers
 * serialising the same record produce the same bytes, which endorsement requires.
 */
public final class Canonical {
    /** Largest JSON document the contracts accept as one argument. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 5.5 for an integer field is a caller's mistake, not 5.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // 3 for an enum would silently mean its fourth constant.
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("well-formed-text").addDeserializer(String.class, new WellFormedText()))
            .build();

    /**
     * Instants by their stored text: every verification reads the same records' instants again, and
     * parsing one costs more than the rest of its check. Instant.parse is pure and an Instant
     * immutable, so a hit answers what a parse would; text that does not parse throws every time.
     */
    private static final BoundedCache<String, java.time.Instant> INSTANTS = new BoundedCache<>(16_384);

    private Canonical() {}

    /** An instant as a stored record writes it (ISO-8601, as Instant.parse reads it). */
    public static java.time.Instant instant(String text) {
        return INSTANTS.get(text, java.time.Instant::parse);
    }

    /** The shared mapper, for callers that need trees; never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static byte[] bytes(Object value) {
        return json(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Re-serialises any JSON text canonically (sorted keys, no whitespace), so a signature can be
     * checked over the same bytes the signer produced.
     */
    public static String normalise(String json) {
        return json(tree(json, "document"));
    }

    public static JsonNode tree(String json, String field) {
        checkSize(json, field);
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Fail.invalid(field, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a caller's request. Any mapping problem becomes INVALID_ARGUMENT naming the field, so a
     * bad request never reaches the rules.
     */
    public static <T> T read(String json, Class<T> type) {
        checkSize(json, "request");
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw Fail.invalid("request", "must be a JSON object");
            }
            return value;
        } catch (LoneSurrogate e) {
            throw Fail.invalid(field(e), e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            throw Fail.invalid(path(e), "is not a known field");
        } catch (InvalidFormatException e) {
            throw Fail.invalid(path(e), "has a bad value '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            // Jackson's own words name Java types ("java.util.ArrayList<...>"): say what JSON was expected.
            throw Fail.invalid(field(e), "must be " + expected(e.getTargetType()));
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ChaincodeException refusal) {
                throw refusal;
            }
            throw Fail.invalid(field(e), "is not valid");
        } catch (JsonMappingException e) {
            throw Fail.invalid(field(e), "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw Fail.invalid("request", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a stored record; stored bytes were written by us, so a failure is corruption. */
    public static <T> T readStored(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private static void checkSize(String json, String field) {
        if (json == null || json.isBlank()) {
            throw Fail.invalid(field, "is required");
        }
        if (json.length() > MAX_DOCUMENT_BYTES) {
            throw Fail.invalid(field, "is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
    }

    private static String field(JsonMappingException e) {
        String field = path(e);
        return field.isEmpty() ? "request" : field;
    }

    /** The JSON a Java type is read from, in a client's words. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum() || type == java.time.Instant.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /**
     * Reads text as Jackson does, refusing a lone UTF-16 surrogate ({@code "\\ud800"}): it is no
     * character, and would be stored as '?' once the record is written as UTF-8.
     */
    private static final class WellFormedText extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        WellFormedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean paired = Character.isHighSurrogate(c)
                            ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                            : !Character.isLowSurrogate(c);
                    if (!paired) {
                        throw new LoneSurrogate(
                                parser,
                                String.format(
                                        Locale.ROOT,
                                        "holds a lone UTF-16 surrogate (\\u%04x at %d), which is not text",
                                        (int) c,
                                        i));
                    }
                    if (Character.isHighSurrogate(c)) {
                        i++;
                    }
                }
            }
            return text;
        }
    }

    /** A text value holding a lone surrogate; Jackson adds the field path as it unwinds. */
    private static final class LoneSurrogate extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        LoneSurrogate(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
