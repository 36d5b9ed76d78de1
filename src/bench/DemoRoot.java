import java.nio.file.Path;
import org.riddance.demo.DemoSandbox;
import org.riddance.platform.SystemProcessRunner;
import org.riddance.work.Cancellation;

/** Builds the demo sandbox (stand-in .debs installed with dpkg --root) in the folder given; for src/bench/remove.sh. */
public final class DemoRoot {
    public static void main(String[] args) throws Exception {
        DemoSandbox.build(Path.of(args[0]), new SystemProcessRunner(), Cancellation.none());
    }
}
