package org.riddance.detect;

/**
 * One observation that supports a finding.
 *
 * @param location where: a registry key, a path, a package name, a process id
 * @param detail   what was there: the DisplayName and version, a unit's state, a signer
 */
public record Evidence(EvidenceKind kind, String location, String detail) {
}
