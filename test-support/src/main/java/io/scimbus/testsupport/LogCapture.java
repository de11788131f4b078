package io.scimbus.testsupport;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * What this JVM logs, each event laid out exactly as the services' stdout lays it out (the layout of the
 * configured {@code stdout} appender, JSON unless SCIMBUS_LOG_FORMAT=text), for tests that read log lines.
 */
public final class LogCapture implements AutoCloseable {
  private static final String STDOUT_APPENDER = "stdout";

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final Configuration configuration;
  private final Appender appender;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    configuration = context.getConfiguration();
    appender = new Appender("capture-" + UUID.randomUUID(), configuration.getAppender(STDOUT_APPENDER).getLayout());
    appender.start();
    configuration.getRootLogger().addAppender(appender, null, null);
    context.updateLoggers();
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Every line so far, as written. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Lines so far parsed as JSON objects, those matching {@code filter}. */
  public List<JsonObject> json(Predicate<JsonObject> filter) {
    return lines.stream().map(String::strip).map(JsonObject::new).filter(filter).toList();
  }

  @Override
  public void close() {
    configuration.getRootLogger().removeAppender(appender.getName());
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
    appender.stop();
  }

  private final class Appender extends AbstractAppender {
    Appender(String name, Layout<?> layout) {
      super(name, null, layout, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
    }
  }
}
