package io.scimbus.policy.tenant;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.profile.ProfileDocument;
import io.scimbus.core.profile.Presets;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * What an operator may send as a profile: a preset name ({@code "minimal-users"} or {@code {"preset":
 * "minimal-users"}}) or a full {@link ProfileDocument}. Either way it is validated and stored in its normalised
 * document form, so services read one shape whatever the operator sent.
 */
final class ProfileInput {
  private static final String PRESET = "preset";

  private ProfileInput() {
  }

  static JsonObject standard() {
    return document(Presets.named(Presets.STANDARD));
  }

  /**
   * The document to store for {@code value}; 400 invalidValue naming the field when it names no preset, mixes a
   * preset with other fields, or is not a valid document.
   */
  static JsonObject resolve(Object value) {
    if (value == null) {
      return standard();
    }
    if (value instanceof String name) {
      return document(Presets.named(name));
    }
    if (value instanceof JsonObject json) {
      if (!json.containsKey(PRESET)) {
        return document(ProfileDocument.parse(PlainJson.map(json)));
      }
      if (!(json.getValue(PRESET) instanceof String name) || json.size() > 1) {
        throw ScimException.invalidValue("profile field preset must be a preset name (" + String.join(", ",
            Presets.NAMES) + "), alone in the object; send a document without preset for a custom profile");
      }
      return document(Presets.named(name));
    }
    throw ScimException.invalidValue("profile must be a preset name or a profile document");
  }

  private static JsonObject document(TenantProfile profile) {
    // Through text: the document map holds plain Maps and Lists that jsonb encoding must see as JSON.
    return new JsonObject(Json.encode(ProfileDocument.toMap(profile)));
  }
}
