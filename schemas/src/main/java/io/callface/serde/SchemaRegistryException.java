package io.callface.serde;

/**
 * A schema registry refused a request or could not be reached. Carries the HTTP status and the Confluent
 * {@code error_code} (both 0 when no response came back).
 */
public class SchemaRegistryException extends RuntimeException {

    /** Subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Schema (id, or schema under a subject) not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** The subject has no compatibility level of its own (it follows the global one). */
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** Schema incompatible with the versions its subject's compatibility level checks. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** Schema text is not a valid schema of a supported type. */
    public static final int INVALID_SCHEMA = 42201;
    /** Version is neither a positive integer nor {@code latest}. */
    public static final int INVALID_VERSION = 42202;
    /** Not one of Confluent's compatibility levels. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** Confluent's answer when {@code subject} has no compatibility level of its own. */
    public static SchemaRegistryException noSubjectCompatibility(String subject) {
        return new SchemaRegistryException(404, SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    /** The HTTP status of the registry's answer, 0 if none came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, 0 if none came. */
    public int errorCode() {
        return errorCode;
    }
}
