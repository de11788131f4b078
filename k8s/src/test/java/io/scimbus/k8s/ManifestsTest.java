package io.scimbus.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, and every resource it renders is valid against its Kubernetes API, unknown fields refused. */
class ManifestsTest {
  private static final Path OVERLAYS = Path.of("overlays");

  static Stream<Path> overlays() throws IOException {
    return Files.list(OVERLAYS).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void overlayIsStrictlyValid(Path overlay) {
    List<ObjectNode> resources = Kustomize.build(overlay);
    assertFalse(resources.isEmpty());
    List<String> problems = resources.stream().flatMap(r -> StrictManifests.problems(r).stream()).toList();
    assertEquals(List.of(), problems, overlay.toString());
  }

  @Test
  void aMisspelledFieldIsRefused() {
    ObjectNode deployment = Kustomize.build(OVERLAYS.resolve("prod")).stream()
        .filter(r -> r.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    ObjectNode probe = (ObjectNode) deployment.at("/spec/template/spec/containers/0/readinessProbe");
    probe.put("periodSecond", probe.remove("periodSeconds"));
    List<String> problems = StrictManifests.problems(deployment);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).endsWith("readinessProbe: unknown field periodSecond"), problems.get(0));
  }

  @Test
  void aWrongTypeIsRefused() {
    ObjectNode deployment = Kustomize.build(OVERLAYS.resolve("dev")).stream()
        .filter(r -> r.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
    ((ObjectNode) deployment.at("/spec")).put("revisionHistoryLimit", "five");
    assertEquals(1, StrictManifests.problems(deployment).size());
  }

  @Test
  void baseRunsTheImagesTheBuildProduces() {
    List<ObjectNode> deployments = Kustomize.build(Path.of("base")).stream()
        .filter(r -> r.path("kind").asText().equals("Deployment")).toList();
    assertEquals(5, deployments.size());
    for (ObjectNode deployment : deployments) {
      String module = deployment.at("/metadata/name").asText();
      assertTrue(Files.isRegularFile(Path.of("..", module, "pom.xml")), module + " is a module of this build");
      assertEquals("scimbus/" + module + ":" + System.getProperty("image.tag"),
          deployment.at("/spec/template/spec/containers/0/image").asText());
    }
  }

  @Test
  void prodPinsImagesByDigestKeepsTwoOfEachServiceAndTerminatesTls() {
    List<ObjectNode> prod = Kustomize.build(OVERLAYS.resolve("prod"));
    prod.stream().filter(r -> r.path("kind").asText().equals("Deployment"))
        .map(r -> r.at("/spec/template/spec/containers/0/image").asText())
        .forEach(image -> assertTrue(image.matches("scimbus/[a-z-]+@sha256:[0-9a-f]{64}"), image));
    prod.stream().filter(r -> r.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .forEach(hpa -> assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, hpa.toString()));
    ObjectNode ingress = prod.stream().filter(r -> r.path("kind").asText().equals("Ingress")).findFirst()
        .orElseThrow();
    assertEquals("scimbus-tls", ingress.at("/spec/tls/0/secretName").asText());
  }

  /** Where kubectl is installed, its own rendering passes the same strict check. */
  @ParameterizedTest
  @MethodSource("overlays")
  void kubectlRenderingIsStrictlyValidToo(Path overlay) throws Exception {
    Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))), "kubectl not installed");
    Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Path rendered = Files.createTempFile("scimbus-" + overlay.getFileName(), ".yaml");
    Files.write(rendered, kubectl.getInputStream().readAllBytes());
    assertEquals(0, kubectl.waitFor());
    List<ObjectNode> resources = Kustomize.read(rendered);
    assertEquals(Kustomize.build(overlay).size(), resources.size(), "kubectl and this renderer agree on what");
    assertEquals(List.of(), resources.stream().flatMap(r -> StrictManifests.problems(r).stream()).toList());
    Files.delete(rendered);
  }
}
