package org.riddance.platform;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.io.IOException;
import java.time.Duration;
import org.riddance.work.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a Windows program with exactly the command line given (CreateProcessW), which ProcessBuilder cannot do:
 * msiexec's {@code NAME="value"} would be re-quoted. The process starts suspended inside a job object, so a
 * time-out or cancel ends it and everything it started. msiexec's client is only a messenger: the work runs in the
 * Windows Installer service, so for msiexec the service is stopped too, which rolls the installation back and
 * frees the installer for the next item (else that one gets 1618). The program's output is not captured: msiexec
 * writes to its /l*v log.
 */
final class WindowsExactProcess {

    private static final Logger LOG = LoggerFactory.getLogger(WindowsExactProcess.class);
    private static final long POLL_MILLIS = 50;
    private static final String INSTALLER_SERVICE = "msiserver";

    /** The job-object calls JNA's Kernel32 does not declare. */
    interface Jobs extends StdCallLibrary {
        Jobs INSTANCE = Native.load("kernel32", Jobs.class, W32APIOptions.DEFAULT_OPTIONS);

        WinNT.HANDLE CreateJobObject(WinBase.SECURITY_ATTRIBUTES attributes, String name);

        boolean AssignProcessToJobObject(WinNT.HANDLE job, WinNT.HANDLE process);

        boolean TerminateJobObject(WinNT.HANDLE job, int exitCode);

        int ResumeThread(WinNT.HANDLE thread);
    }

    private WindowsExactProcess() {
    }

    static ProcessResult run(Command command, Cancellation cancellation) throws IOException {
        String line = command.windowsCommandLine();
        LOG.info("Running: {}", command.describe());
        long started = System.nanoTime();
        WinNT.HANDLE job = Jobs.INSTANCE.CreateJobObject(null, null);
        if (job == null) {
            throw new IOException("Could not create a job object: " + new Win32Exception(Kernel32.INSTANCE.GetLastError()).getMessage());
        }
        WinBase.STARTUPINFO startup = new WinBase.STARTUPINFO();
        WinBase.PROCESS_INFORMATION info = new WinBase.PROCESS_INFORMATION();
        String directory = command.workingDirectory().map(Object::toString).orElse(null);
        try {
            if (!Kernel32.INSTANCE.CreateProcess(command.argv().get(0), line, null, null, false,
                    new WinDef.DWORD(Kernel32.CREATE_SUSPENDED | Kernel32.CREATE_NO_WINDOW), Pointer.NULL, directory,
                    startup, info)) {
                throw new IOException("Could not start " + command.argv().get(0) + ": "
                        + new Win32Exception(Kernel32.INSTANCE.GetLastError()).getMessage());
            }
            try {
                Jobs.INSTANCE.AssignProcessToJobObject(job, info.hProcess);
                Jobs.INSTANCE.ResumeThread(info.hThread);
                ProcessResult.Ending ending = waitForEnd(info.hProcess, command.timeout(), cancellation);
                if (ending != ProcessResult.Ending.EXITED) {
                    LOG.warn("{} ({}): ending its job", command.describe(), ending);
                    Jobs.INSTANCE.TerminateJobObject(job, 1);
                    if (isMsiexec(command)) {
                        stopInstallerService();
                    }
                    Kernel32.INSTANCE.WaitForSingleObject(info.hProcess, 10_000);
                }
                IntByReference code = new IntByReference();
                Kernel32.INSTANCE.GetExitCodeProcess(info.hProcess, code);
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("{} ended: {} exit {} after {} ms", command.describe(), ending, code.getValue(), duration.toMillis());
                return new ProcessResult(code.getValue(), "", "", false, ending, duration);
            } finally {
                Kernel32.INSTANCE.CloseHandle(info.hThread);
                Kernel32.INSTANCE.CloseHandle(info.hProcess);
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(job);
        }
    }

    private static ProcessResult.Ending waitForEnd(WinNT.HANDLE process, Duration timeout, Cancellation cancellation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Kernel32.INSTANCE.WaitForSingleObject(process, (int) POLL_MILLIS) != WinBase.WAIT_OBJECT_0) {
            if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
                return ProcessResult.Ending.CANCELLED;
            }
            if (System.nanoTime() - deadline >= 0) {
                return ProcessResult.Ending.TIMED_OUT;
            }
        }
        return ProcessResult.Ending.EXITED;
    }

    static boolean isMsiexec(Command command) {
        String program = command.argv().get(0).replace('/', '\\');
        return program.substring(program.lastIndexOf('\\') + 1).equalsIgnoreCase("msiexec.exe");
    }

    /** Stopping msiserver cancels the transaction it is running; Windows Installer rolls it back. */
    private static void stopInstallerService() {
        try (W32ServiceManager scm = new W32ServiceManager(Winsvc.SC_MANAGER_CONNECT)) {
            scm.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = scm.openService(INSTALLER_SERVICE, Winsvc.SERVICE_STOP | Winsvc.SERVICE_QUERY_STATUS)) {
                if (service.queryStatus().dwCurrentState != Winsvc.SERVICE_STOPPED) {
                    service.stopService(60_000);
                }
            }
        } catch (Win32Exception | IllegalStateException e) {
            LOG.warn("Could not stop the Windows Installer service after a stopped msiexec: {}", e.getMessage());
        }
    }
}
