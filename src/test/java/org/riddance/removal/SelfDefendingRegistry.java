package org.riddance.removal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.riddance.platform.InMemoryRegistry;
import org.riddance.platform.RegistryValue;
import org.riddance.platform.WritableRegistry;

/**
 * A Windows registry whose Kaspersky keys are guarded by the product's self-defence while its service is installed:
 * deleting or changing anything under {@code KasperskyLab} is refused with access denied, as Windows reports it
 * (ERROR_ACCESS_DENIED, surfaced by the live registry as {@link AccessDeniedException}). Self-defence "blocks all
 * attempts to change or remove antivirus files, memory processes and registry events" (Kaspersky, "Tip of the week:
 * what is antivirus self-defense", kaspersky.co.uk/blog/.../3247).
 */
final class SelfDefendingRegistry implements WritableRegistry {

    private final InMemoryRegistry inner;
    private final String guardWhileExists;

    /** @param guardWhileExists the product's service key: self-defence runs as long as it is there */
    SelfDefendingRegistry(InMemoryRegistry inner, String guardWhileExists) {
        this.inner = inner;
        this.guardWhileExists = guardWhileExists;
    }

    private void refuseIfGuarded(String keyPath) throws AccessDeniedException {
        if (inner.exists(guardWhileExists) && keyPath.toLowerCase(Locale.ROOT).contains("\\kasperskylab")) {
            throw new AccessDeniedException(keyPath, null, "access denied");
        }
    }

    @Override
    public void setValue(String keyPath, RegistryValue value) throws IOException {
        refuseIfGuarded(keyPath);
        inner.setValue(keyPath, value);
    }

    @Override
    public boolean removeKey(String keyPath) throws IOException {
        refuseIfGuarded(keyPath);
        return inner.removeKey(keyPath);
    }

    @Override
    public boolean removeValue(String keyPath, String valueName) throws IOException {
        refuseIfGuarded(keyPath);
        return inner.removeValue(keyPath, valueName);
    }

    @Override
    public boolean exists(String keyPath) {
        return inner.exists(keyPath);
    }

    @Override
    public List<String> subkeys(String keyPath) {
        return inner.subkeys(keyPath);
    }

    @Override
    public Map<String, RegistryValue> values(String keyPath) {
        return inner.values(keyPath);
    }

    @Override
    public Optional<RegistryValue> value(String keyPath, String name) {
        return inner.value(keyPath, name);
    }
}
