package io.scimbus.e2e;

import io.scimbus.testsupport.hostile.WireRequest;
import io.scimbus.testsupport.hostile.WireRequest.Expect;
import io.scimbus.testsupport.hostile.WireResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every answer to a hostile request must satisfy: never a 5xx; a 4xx (and a failed bulk operation) carries a
 * SCIM error body as {@code application/scim+json} whose {@code status} is the HTTP status; no answer names Java
 * classes, shows a stack trace or SQL; a request that must be refused is refused.
 */
final class AnswerCheck {
  static final String SCIM_JSON = "application/scim+json";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final Pattern INTERNALS = Pattern.compile(
      "java\\.[a-z]+\\.|javax\\.|jdk\\.internal|io\\.vertx|io\\.netty|io\\.scimbus|com\\.fasterxml|com\\.hazelcast"
          + "|org\\.postgresql|org\\.apache|\\w+Exception\\b|\\bat [\\w$.]+\\(\\w+\\.java:\\d+\\)|SQLSTATE"
          + "|syntax error at or near|violates [a-z ]*constraint|duplicate key value|invalid byte sequence for encoding"
          + "|unsupported Unicode escape sequence|current transaction is aborted|\\bERROR: |\\brelation \""
          + "|\\bcolumn \"");

  private AnswerCheck() {
  }

  /** One broken rule: {@code kind} groups failures, {@code detail} says what this answer did. */
  record Failure(String kind, String detail) {
  }

  /** {@code hostileScim}: the hostile tenant's SCIM path with a trailing slash, e.g. {@code /scim/v2/fz-1/}. */
  static List<Failure> check(WireRequest request, WireResponse response, String hostileScim) {
    List<Failure> failures = new ArrayList<>();
    int status = response.status();
    boolean head = request.method().equals("HEAD");
    String body = response.bodyText();
    if (status >= 500) {
      failures.add(new Failure("5xx answer", status + " " + body));
    } else if (status / 100 != 2 && status / 100 != 4) {
      failures.add(new Failure("unexpected status", status + " " + body));
    }
    Matcher internals = INTERNALS.matcher(body);
    if (status / 100 != 2 && internals.find()) {
      failures.add(new Failure("internals in the answer", "'" + internals.group() + "' in " + body));
    }
    if (status / 100 == 4 && !head) {
      String problem = scimErrorProblem(response.header("Content-Type"), body, status);
      if (problem != null) {
        failures.add(new Failure(status + " without a SCIM error body", problem));
      }
    }
    if (status / 100 == 2) {
      if (request.expect() == Expect.REFUSE) {
        failures.add(new Failure("accepted a request that must be refused", status + " " + body));
      }
      if (request.target().length > 0 && request.targetText().endsWith("/Bulk") && request.method().equals("POST")) {
        // only the hostile tenant's operations must all fail; another tenant's may rightly succeed
        boolean mustFail = request.expect() == Expect.REFUSE_EACH_OPERATION
            && request.targetText().startsWith(hostileScim);
        failures.addAll(checkBulk(mustFail, body));
      }
    }
    return failures;
  }

  private static List<Failure> checkBulk(boolean mustFail, String body) {
    List<Failure> failures = new ArrayList<>();
    JsonArray operations;
    try {
      operations = new JsonObject(body).getJsonArray("Operations");
    } catch (DecodeException | ClassCastException e) {
      return List.of(new Failure("bulk answer is not a BulkResponse", body));
    }
    if (operations == null) {
      return List.of(new Failure("bulk answer is not a BulkResponse", body));
    }
    for (int i = 0; i < operations.size(); i++) {
      JsonObject operation = operations.getJsonObject(i);
      Object statusValue = operation.getValue("status");
      int status = statusValue == null ? 0 : Integer.parseInt(String.valueOf(statusValue));
      if (status >= 500) {
        failures.add(new Failure("5xx in a bulk operation", operation.encode()));
      } else if (status / 100 == 2 && mustFail) {
        failures.add(new Failure("bulk operation accepted that must fail", operation.encode()));
      } else if (status / 100 == 4) {
        Object response = operation.getValue("response");
        String problem = response instanceof JsonObject error ? scimErrorProblem(SCIM_JSON, error.encode(), status)
            : "no response object";
        if (problem != null) {
          failures.add(new Failure("bulk operation error without a SCIM error body", problem + ": "
              + operation.encode()));
        }
        Matcher internals = INTERNALS.matcher(operation.encode());
        if (internals.find()) {
          failures.add(new Failure("internals in the answer", "'" + internals.group() + "' in " + operation.encode()));
        }
      }
    }
    return failures;
  }

  /** Null when {@code body} is a SCIM error for {@code status} sent as SCIM JSON; else what is wrong with it. */
  private static String scimErrorProblem(String contentType, String body, int status) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(SCIM_JSON)) {
      return "Content-Type " + contentType + ", body: " + body;
    }
    JsonObject error;
    try {
      error = new JsonObject(body);
    } catch (DecodeException e) {
      return "body is not a JSON object: " + body;
    }
    if (!(error.getValue("schemas") instanceof JsonArray schemas) || !schemas.contains(ERROR)) {
      return "schemas lacks " + ERROR + ": " + body;
    }
    if (!Integer.toString(status).equals(error.getValue("status"))) {
      return "status is not the string \"" + status + "\": " + body;
    }
    return null;
  }
}
