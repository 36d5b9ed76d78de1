package org.riddance.ui.backup;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.riddance.backup.ArchiveCheck;
import org.riddance.backup.Manifest;
import org.riddance.backup.Sizes;
import org.riddance.ui.Messages;
import org.riddance.ui.ResultBanners;

/** What the read-back found: verified with the archive's hash, or the problems and what to do. */
final class BackupResultView {

    private BackupResultView() {
    }

    static VBox of(ArchiveCheck check, boolean ownerOnly) {
        VBox box = banner(check.intact() ? Styles.SUCCESS : Styles.DANGER,
                Messages.get(check.intact() ? "backup.result.verified" : "backup.result.problems"),
                Messages.get(check.intact() ? "backup.result.verified.body" : "backup.result.problems.body"));
        box.getChildren().add(detail(Messages.get("backup.result.archive", check.archive())));
        box.getChildren().add(detail(Messages.get("backup.result.stats", check.entries(), Sizes.human(check.bytes()))));
        Label hash = detail(Messages.get("backup.result.sha256", check.sha256()));
        hash.setId("backup-sha256");
        box.getChildren().add(hash);
        if (check.manifest() != null) {
            for (Manifest.SkippedSource skipped : check.manifest().skipped()) {
                box.getChildren().add(detail(Messages.get("backup.result.skipped", skipped.source(), skipped.reason())));
            }
        }
        check.problems().forEach(p -> box.getChildren().add(detail("\u2022 " + p)));
        if (!ownerOnly) {
            box.getChildren().add(detail(Messages.get("backup.result.notOwnerOnly")));
        }
        return box;
    }

    static VBox banner(String style, String title, String body) {
        return ResultBanners.of(style, "backup-result", title, body);
    }

    private static Label detail(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
