package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.FilterEvaluator;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an RFC 7644 §3.5.2 PATCH to a canonical resource. Works on a deep copy and returns it, so a failing
 * operation leaves the caller's resource untouched and the whole request is all-or-nothing.
 */
public final class PatchEngine {
  private final ResourceSchema schema;
  private final ResourceNormalizer normalizer;
  private final FilterEvaluator evaluator;
  private final Map<PatchOp, OperationHandler> handlers = new EnumMap<>(PatchOp.class);

  public PatchEngine(ResourceSchema schema) {
    this.schema = schema;
    this.normalizer = new ResourceNormalizer(schema);
    this.evaluator = new FilterEvaluator(schema);
    handlers.put(PatchOp.ADD, new AddOperation(normalizer));
    handlers.put(PatchOp.REPLACE, new ReplaceOperation(normalizer));
    handlers.put(PatchOp.REMOVE, new RemoveOperation());
  }

  /** The patched resource, a new map; throws {@link ScimException} and changes nothing when any op fails. */
  public Map<String, Object> apply(Map<String, Object> resource, PatchRequest request) {
    Map<String, Object> working = Values.deepCopyMap(resource);
    for (PatchOperation operation : request.operations()) {
      apply(working, operation);
    }
    syncExtensions(working);
    normalizer.checkRequired(working);
    return working;
  }

  private void apply(Map<String, Object> working, PatchOperation operation) {
    if (operation.op() == PatchOp.REMOVE && operation.path() == null) {
      throw ScimException.noTarget("remove needs a path");
    }
    for (PathlessExpander.Step step : PathlessExpander.expand(operation.op(), operation.path(), operation.value(),
        schema)) {
      if (step.path().isSchemaOnly()) {
        removeExtension(working, step.path().schemaOnlyUrn());
        continue;
      }
      Optional<Target> target = Target.resolve(step.path(), step.text(), schema, evaluator);
      if (target.isEmpty()) {
        if (step.lenient()) {
          continue;
        }
        throw ScimException.invalidPath("no attribute " + step.text() + " in " + schema.name());
      }
      checkReadOnlyPath(operation.op(), target.get());
      handlers.get(operation.op()).apply(working, target.get(), step.value());
    }
  }

  // Only a remove keeps a bare URN path (add and replace are expanded per attribute); the core schema's attributes
  // cannot go all at once.
  private void removeExtension(Map<String, Object> working, String urn) {
    if (schema.core().id().equalsIgnoreCase(urn)) {
      throw ScimException.invalidPath("the core schema " + schema.core().id() + " cannot be removed; name the "
          + "attributes to remove");
    }
    schema.extension(urn).ifPresent(extension -> working.remove(extension.id()));
  }

  // Below a readOnly attribute (meta.created, groups[...]) everything is readOnly; a whole-attribute replace is
  // checked against the current value instead, so an echoed id passes (see ReadOnlyEcho).
  private static void checkReadOnlyPath(PatchOp op, Target target) {
    if (target.attribute().mutability() == Mutability.READ_ONLY
        && (op != PatchOp.REPLACE || target.sub() != null || target.filter() != null)) {
      throw ScimException.mutability(target.path() + " is readOnly");
    }
  }

  /** {@code schemas} lists exactly the extensions the resource now carries, as RFC 7643 §3 asks. */
  private void syncExtensions(Map<String, Object> working) {
    List<Object> schemas = working.get("schemas") instanceof List<?> list ? new ArrayList<>(list)
        : new ArrayList<>();
    if (schemas.stream().noneMatch(s -> schema.core().id().equalsIgnoreCase(String.valueOf(s)))) {
      schemas.add(0, schema.core().id());
    }
    for (Schema extension : schema.extensions()) {
      Object body = working.get(extension.id());
      boolean present = body instanceof Map<?, ?> map && !map.isEmpty();
      schemas.removeIf(s -> extension.id().equalsIgnoreCase(String.valueOf(s)));
      if (present) {
        schemas.add(extension.id());
      } else {
        working.remove(extension.id());
      }
    }
    working.put("schemas", schemas);
  }
}
