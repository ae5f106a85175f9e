package org.gnwict.searchengine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A single OpenSearch node for development and CI, bound to 127.0.0.1 only.
 *
 * The packaged distribution cannot be downloaded here and refuses to run as
 * root, so we start the node ourselves with the plugins we need loaded from
 * the classpath. Usage: EmbeddedNode <data directory> [http port] [-Ename=value ...].
 *
 * -E settings override the defaults below, as with OpenSearch's own command
 * line. Giving discovery.seed_hosts makes the node join a cluster instead of
 * running alone (the test suite's two-node cluster does so).
 */
public final class EmbeddedNode extends Node {

    /** Plugins the site's index mappings rely on; a missing one is fatal. */
    private static final String[] REQUIRED_PLUGINS = {
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.gnwict.searchengine.SmartChinesePlugin",
    };

    private EmbeddedNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
        super(
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "gnwict-dev"),
            plugins,
            true
        );
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Plugin>> requiredPlugins() {
        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : REQUIRED_PLUGINS) {
            try {
                plugins.add((Class<? extends Plugin>) Class.forName(name));
            } catch (ClassNotFoundException e) {
                System.err.println("search engine: required plugin class " + name + " is not on the classpath");
                System.exit(2);
            }
        }
        return plugins;
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Settings.Builder overrides = Settings.builder();
        for (String arg : args) {
            if (arg.startsWith("-E") && arg.contains("=")) {
                int equals = arg.indexOf('=');
                overrides.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else {
                positional.add(arg);
            }
        }
        Path home = Path.of(positional.size() > 0 ? positional.get(0) : "target/node").toAbsolutePath();
        String port = positional.size() > 1 ? positional.get(1) : "9200";
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));

        Settings.Builder settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "gnwict-dev")
            .put("node.name", "gnwict-dev")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "9300-9399")
            .put("transport.type", "netty4")
            .put("http.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("indices.query.bool.max_clause_count", 4096)
            .put("action.auto_create_index", true)
            .put(overrides.build());
        if (settings.get("discovery.seed_hosts") != null) {
            settings.remove("discovery.type");
        }

        Node node = new EmbeddedNode(settings.build(), requiredPlugins());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("search engine: error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        node.start();
        System.out.println("search engine: listening on http://127.0.0.1:" + port);
        stopped.await();
    }
}
