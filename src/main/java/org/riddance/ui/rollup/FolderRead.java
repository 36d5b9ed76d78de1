package org.riddance.ui.rollup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.riddance.receipt.TrustedKeys;
import org.riddance.rollup.Inventory;
import org.riddance.rollup.OfficeRollup;
import org.riddance.rollup.RollupEntry;
import org.riddance.rollup.RollupReport;
import org.riddance.ui.CoreTask;

/**
 * Reading a folder of receipts in the background: the trusted keys are loaded (disk work too), then the core reads
 * and verifies each file, handing every row to {@code onEntry} as it is read so the table fills in. Stop reaches the
 * core between two files.
 *
 * @param report      the core's final word: duplicates and missing PCs are only known at the end
 * @param trustedKeys how many keys the receipts were checked against
 */
record FolderRead(RollupReport report, int trustedKeys) {

    static CoreTask<FolderRead> task(Path folder, List<Path> trustSources, Inventory inventory, Optional<Path> skip,
                                     Consumer<RollupEntry> onEntry) {
        return new CoreTask<>((progress, cancellation) -> {
            TrustedKeys trusted = TrustedKeys.loadAll(trustSources);
            RollupReport report = new OfficeRollup(trusted, inventory).read(folder, skip, progress, cancellation, onEntry);
            return new FolderRead(report, trusted.size());
        });
    }
}
