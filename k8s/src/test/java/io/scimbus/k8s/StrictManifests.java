package io.scimbus.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads each resource into fabric8's model of its Kubernetes API version and reports every field that API does not
 * have. fabric8 keeps unknown fields in {@code additionalProperties} instead of failing, so the whole object graph is
 * walked for them; a wrong type (a string for a number) fails in the reading itself.
 */
final class StrictManifests {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final Map<String, Class<?>> TYPES = Map.ofEntries(
      Map.entry("v1/ConfigMap", ConfigMap.class),
      Map.entry("v1/Namespace", Namespace.class),
      Map.entry("v1/Secret", Secret.class),
      Map.entry("v1/Service", Service.class),
      Map.entry("v1/ServiceAccount", ServiceAccount.class),
      Map.entry("apps/v1/Deployment", Deployment.class),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
      Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
      Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
      Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

  private StrictManifests() {
  }

  /** Problems of {@code resource}, each naming the resource and the field's path; empty when it is valid. */
  static List<String> problems(ObjectNode resource) {
    String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    String where = type + " " + resource.path("metadata").path("name").asText();
    Class<?> model = TYPES.get(type);
    if (model == null) {
      return List.of(where + ": no schema known for " + type);
    }
    try {
      List<String> problems = new ArrayList<>();
      unknownFields(JSON.treeToValue(resource, model), where, problems);
      return problems;
    } catch (Exception e) {
      return List.of(where + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
    }
  }

  private static void unknownFields(Object value, String path, List<String> problems) throws Exception {
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        unknownFields(entry.getValue(), path + "." + entry.getKey(), problems);
      }
      return;
    }
    if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
          || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
        continue;
      }
      Object field = getter.invoke(value);
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) field).keySet().forEach(key -> problems.add(path + ": unknown field " + key));
      } else {
        unknownFields(field, path + "." + fieldName(getter.getName()), problems);
      }
    }
  }

  private static String fieldName(String getter) {
    String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }
}
