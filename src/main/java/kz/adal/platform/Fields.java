package kz.adal.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * A request's field rules (required, length, range, format of one field) are Bean Validation constraints on its
 * record; a service checks them here, at the point of its flow where it used to check the fields by hand, so access,
 * existence and state are refused first as before. A violation is a {@link ConstraintViolationException}, which
 * {@link ProblemMapper} answers once: 400 {@code INVALID_REQUEST} naming each field in the reader's language. Rules
 * across fields, of state or of the database stay in the feature's own code.
 */
public final class Fields {

    private Fields() {
    }

    /**
     * Refuses a request whose fields break their constraints; returns it (for a missing body, a request with every
     * field empty, refused for the same required fields).
     */
    public static <T extends Record> T check(T request, Class<T> type) {
        T r = request == null ? empty(type) : request;
        Set<ConstraintViolation<T>> invalid = validator().validate(r);
        if (!invalid.isEmpty()) throw new ConstraintViolationException(invalid);
        return r;
    }

    /** The same request checked without refusing (a live check lists them with the other problems). */
    public static <T extends Record> Set<ConstraintViolation<T>> violations(T request, Class<T> type) {
        return validator().validate(request == null ? empty(type) : request);
    }

    /** The record with every component null (or zero / false for a primitive): what a missing JSON body means. */
    public static <T extends Record> T empty(Class<T> type) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = types[i] == boolean.class ? false : types[i].isPrimitive() ? zero(types[i]) : null;
        }
        try {
            Constructor<T> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no canonical constructor for " + type, e);
        }
    }

    private static Object zero(Class<?> t) {
        if (t == char.class) return '\0';
        if (t == long.class) return 0L;
        if (t == double.class) return 0d;
        if (t == float.class) return 0f;
        if (t == short.class) return (short) 0;
        if (t == byte.class) return (byte) 0;
        return 0;
    }

    private static Validator validator() {
        return CDI.current().select(Validator.class).get();
    }
}
