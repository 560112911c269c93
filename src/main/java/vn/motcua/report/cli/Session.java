package vn.motcua.report.cli;

import java.io.PrintStream;

import org.springframework.context.ApplicationContext;

/** What a command runs with: the application's services and the user's terminal. */
public record Session(ApplicationContext spring, Terminal terminal) {

    public <T> T bean(Class<T> type) {
        return spring.getBean(type);
    }

    public PrintStream out() {
        return terminal.out();
    }

    public PrintStream err() {
        return terminal.err();
    }

    public String text(String key, Object... arguments) {
        return terminal.text(key, arguments);
    }

    public void say(String key, Object... arguments) {
        terminal.say(key, arguments);
    }

    public void note(String key, Object... arguments) {
        terminal.note(key, arguments);
    }
}
