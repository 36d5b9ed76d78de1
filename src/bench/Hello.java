/** The anchor for src/bench/cli-startup.sh: the least a Java command can do, run from the same jar and archive. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
