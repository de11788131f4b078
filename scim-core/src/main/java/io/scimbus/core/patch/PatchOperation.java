package io.scimbus.core.patch;

/**
 * One entry of {@code Operations}: the op, the path exactly as the client wrote it (null when absent) and the
 * value as decoded from JSON (null when absent).
 */
public record PatchOperation(PatchOp op, String path, Object value) {
}
