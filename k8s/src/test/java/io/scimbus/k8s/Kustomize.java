package io.scimbus.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of {@code kustomize build} these manifests use, so that every machine can render the overlays without
 * kubectl: resources (files and directories), namespace, configMapGenerator (create and merge, with a content hash
 * suffix that references follow), images (newName, newTag, digest) and inline JSON 6902 patches with kind/name
 * targets. Any other kustomization field fails the build rather than being ignored.
 */
final class Kustomize {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace",
      "configMapGenerator", "images", "patches");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

  private Kustomize() {
  }

  /** The rendered resources of the kustomization in {@code dir}. */
  static List<ObjectNode> build(Path dir) {
    Map<String, List<String>> literals = new LinkedHashMap<>();
    List<ObjectNode> resources = render(dir, literals);
    for (Map.Entry<String, List<String>> generated : literals.entrySet()) {
      ObjectNode configMap = configMap(generated.getKey(), generated.getValue());
      renameConfigMapRefs(resources, generated.getKey(), configMap.with("metadata").get("name").asText());
      resources.add(configMap);
    }
    return resources;
  }

  private static List<ObjectNode> render(Path dir, Map<String, List<String>> literals) {
    ObjectNode kustomization = (ObjectNode) read(dir.resolve("kustomization.yaml")).get(0);
    kustomization.fieldNames().forEachRemaining(field -> {
      if (!SUPPORTED.contains(field)) {
        throw new IllegalArgumentException(dir + ": kustomization field " + field + " is not supported here");
      }
    });
    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization.path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      resources.addAll(Files.isDirectory(path) ? render(path, literals) : read(path));
    }
    for (JsonNode generator : kustomization.path("configMapGenerator")) {
      String name = generator.get("name").asText();
      String behavior = generator.path("behavior").asText("create");
      List<String> values = literals.computeIfAbsent(name, n -> new ArrayList<>());
      if (behavior.equals("create") && !values.isEmpty() || behavior.equals("merge") && values.isEmpty()) {
        throw new IllegalArgumentException(dir + ": configMapGenerator " + name + " " + behavior + " misplaced");
      }
      for (JsonNode literal : generator.path("literals")) {
        String text = literal.asText();
        String key = text.substring(0, text.indexOf('='));
        values.removeIf(existing -> existing.startsWith(key + "="));
        values.add(text);
      }
    }
    if (kustomization.has("namespace")) {
      String namespace = kustomization.get("namespace").asText();
      resources.stream().filter(r -> !CLUSTER_SCOPED.contains(r.path("kind").asText()))
          .forEach(r -> r.with("metadata").put("namespace", namespace));
    }
    for (JsonNode image : kustomization.path("images")) {
      setImages(resources, image);
    }
    for (JsonNode patch : kustomization.path("patches")) {
      applyPatch(resources, patch);
    }
    return resources;
  }

  static List<ObjectNode> read(Path file) {
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(Files.readString(file))) {
      List<ObjectNode> docs = new ArrayList<>();
      Iterator<JsonNode> values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode doc = values.next();
        if (doc instanceof ObjectNode object && !object.isEmpty()) {
          docs.add(object);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  private static ObjectNode configMap(String name, List<String> literals) {
    ObjectNode data = YAML.createObjectNode();
    literals.forEach(l -> data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1).strip()));
    ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    configMap.with("metadata").put("name", name + "-" + hash(data.toString()));
    configMap.set("data", data);
    return configMap;
  }

  private static void renameConfigMapRefs(List<ObjectNode> resources, String name, String hashed) {
    for (ObjectNode resource : resources) {
      resource.findParents("configMapRef").forEach(parent -> rename(parent.get("configMapRef"), name, hashed));
      resource.findParents("configMapKeyRef").forEach(parent -> rename(parent.get("configMapKeyRef"), name, hashed));
    }
  }

  private static void rename(JsonNode ref, String name, String hashed) {
    if (ref instanceof ObjectNode object && name.equals(object.path("name").asText())) {
      object.put("name", hashed);
    }
  }

  private static void setImages(List<ObjectNode> resources, JsonNode image) {
    String name = image.get("name").asText();
    for (ObjectNode resource : resources) {
      for (JsonNode container : resource.findValues("containers")) {
        for (JsonNode c : container) {
          String current = c.path("image").asText();
          String repository = current.replaceAll("[:@].*$", "");
          if (repository.equals(name)) {
            String target = image.path("newName").asText(name);
            String suffix = image.has("digest") ? "@" + image.get("digest").asText()
                : image.has("newTag") ? ":" + image.get("newTag").asText() : current.substring(repository.length());
            ((ObjectNode) c).put("image", target + suffix);
          }
        }
      }
    }
  }

  private static void applyPatch(List<ObjectNode> resources, JsonNode patch) {
    JsonNode target = patch.get("target");
    Pattern name = Pattern.compile(target.path("name").asText(".*"));
    String kind = target.get("kind").asText();
    ArrayNode operations = (ArrayNode) readString(patch.get("patch").asText());
    int matched = 0;
    for (ObjectNode resource : resources) {
      if (kind.equals(resource.path("kind").asText())
          && name.matcher(resource.path("metadata").path("name").asText()).matches()) {
        operations.forEach(operation -> JsonPatch.apply(resource, operation));
        matched++;
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException("patch target " + target + " matches no resource");
    }
  }

  private static JsonNode readString(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
