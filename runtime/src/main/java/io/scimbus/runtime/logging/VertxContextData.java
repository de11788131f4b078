package io.scimbus.runtime.logging;

import java.util.Map;
import org.apache.logging.log4j.core.util.ContextDataProvider;

/** Log4j's hook (a service loaded by Log4j) that puts {@link LogContext}'s fields into every log event. */
public final class VertxContextData implements ContextDataProvider {
  @Override
  public Map<String, String> supplyContextData() {
    return LogContext.current();
  }
}
