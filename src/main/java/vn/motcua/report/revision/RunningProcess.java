package vn.motcua.report.revision;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** This process, as recorded beside each execution it runs: host, PID and the JVM's start time. */
public record RunningProcess(String host, long pid, Instant startedAt) {

    public static RunningProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunningProcess(hostName(), self.pid(), self.info().startInstant().orElse(null));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown host" : env;
        }
    }
}
