package com.lendkeep.customer.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on PostgreSQL's {@code customer_changed} channel (migration V3's trigger: the id of every
 * customer row changed or deleted, at commit) and drops those customers from the
 * {@link CustomerReadCache}. One connection of its own, outside the pool, checked every
 * {@value #CHECK_SECONDS} s; while it is down the cache does not answer, and it reconnects with a
 * growing pause (1 s to 30 s).
 */
@ApplicationScoped
public class CustomerChangeListener {

    static final String CHANNEL = "customer_changed";
    static final String APPLICATION_NAME = "customer-service change listener";
    private static final int CHECK_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(CustomerChangeListener.class);

    private final CustomerReadCache cache;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread thread;

    public CustomerChangeListener(CustomerReadCache cache, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!cache.enabled()) {
            LOG.info("customer read cache off (customer.read-cache.max-size=0)");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("customer-change-listener").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long pauseMs = 1000;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                cache.startListening();
                if (pauseMs > 1000) {
                    LOG.info("customer change listener connected again: GET /customers/{id} is cached again");
                }
                pauseMs = 1000;
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                cache.stopListening();
                if (!running) {
                    break;
                }
                LOG.warnf("customer change listener: %s; GET /customers/{id} reads the database until it is back (retry in %d s)",
                        e.toString(), pauseMs / 1000);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    break;
                }
                pauseMs = Math.min(pauseMs * 2, 30_000);
            }
        }
        cache.stopListening();
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(1000);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    changed(n.getParameter());
                }
            }
            if (System.nanoTime() - checked > TimeUnit.SECONDS.toNanos(CHECK_SECONDS)) {
                // a connection that died silently would otherwise just stay quiet
                try (Statement st = connection.createStatement()) {
                    st.execute("SELECT 1");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void changed(String payload) {
        UUID id;
        try {
            id = "*".equals(payload) ? null : UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            id = null; // not an id: drop everything rather than keep a changed customer
        }
        if (id == null) {
            cache.clear();
        } else {
            cache.evict(id);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", APPLICATION_NAME);
        Connection connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
