package io.scimbus.core.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SCIM error: an HTTP status, an optional {@code scimType} and a detail a human can act on.
 * Every failure a client can see is one of these; the named factories keep status and scimType paired.
 */
public class ScimException extends RuntimeException {
  public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final int status;
  private final String scimType;

  public ScimException(int status, String scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  public int status() {
    return status;
  }

  /** May be null: not every status has a scimType. */
  public String scimType() {
    return scimType;
  }

  public String detail() {
    return getMessage();
  }

  /** The RFC 7644 §3.12 error body; {@code status} is a string, as the RFC and Entra ID require. */
  public Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    List<Object> schemas = new ArrayList<>();
    schemas.add(ERROR_SCHEMA);
    body.put("schemas", schemas);
    body.put("status", Integer.toString(status));
    if (scimType != null) {
      body.put("scimType", scimType);
    }
    if (getMessage() != null) {
      body.put("detail", getMessage());
    }
    return body;
  }

  public static ScimException invalidFilter(String detail) {
    return new ScimException(400, ScimType.INVALID_FILTER, detail);
  }

  public static ScimException invalidSyntax(String detail) {
    return new ScimException(400, ScimType.INVALID_SYNTAX, detail);
  }

  public static ScimException invalidValue(String detail) {
    return new ScimException(400, ScimType.INVALID_VALUE, detail);
  }

  public static ScimException invalidPath(String detail) {
    return new ScimException(400, ScimType.INVALID_PATH, detail);
  }

  public static ScimException noTarget(String detail) {
    return new ScimException(400, ScimType.NO_TARGET, detail);
  }

  public static ScimException mutability(String detail) {
    return new ScimException(400, ScimType.MUTABILITY, detail);
  }

  public static ScimException tooMany(String detail) {
    return new ScimException(400, ScimType.TOO_MANY, detail);
  }

  public static ScimException invalidVersion(String detail) {
    return new ScimException(400, ScimType.INVALID_VERS, detail);
  }

  public static ScimException badRequest(String detail) {
    return new ScimException(400, null, detail);
  }

  public static ScimException unauthorized(String detail) {
    return new ScimException(401, null, detail);
  }

  public static ScimException forbidden(String detail) {
    return new ScimException(403, null, detail);
  }

  public static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  public static ScimException methodNotAllowed(String detail) {
    return new ScimException(405, null, detail);
  }

  public static ScimException uniqueness(String detail) {
    return new ScimException(409, ScimType.UNIQUENESS, detail);
  }

  /** 409 for a change the resource's current state forbids (deleting what is still in use), no uniqueness clash. */
  public static ScimException conflict(String detail) {
    return new ScimException(409, null, detail);
  }

  public static ScimException preconditionFailed(String detail) {
    return new ScimException(412, null, detail);
  }

  public static ScimException payloadTooLarge(String detail) {
    return new ScimException(413, null, detail);
  }

  public static ScimException uriTooLong(String detail) {
    return new ScimException(414, null, detail);
  }

  public static ScimException headersTooLarge(String detail) {
    return new ScimException(431, null, detail);
  }

  public static ScimException unsupportedMediaType(String detail) {
    return new ScimException(415, null, detail);
  }

  public static ScimException tooManyRequests(String detail) {
    return new ScimException(429, null, detail);
  }

  public static ScimException internal(String detail) {
    return new ScimException(500, null, detail);
  }

  public static ScimException notImplemented(String detail) {
    return new ScimException(501, null, detail);
  }

  public static ScimException unavailable(String detail) {
    return new ScimException(503, null, detail);
  }
}
