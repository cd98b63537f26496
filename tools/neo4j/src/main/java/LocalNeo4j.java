import java.nio.file.Path;
import java.nio.file.Files;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j 5.26 Community for development, tests and CI, without Docker: an embedded DBMS with the Bolt
 * and HTTP connectors on (HTTP serves Neo4j Browser from the neo4j-browser jar on the class path).
 * Configured by environment variables; prints one NEO4J_READY line when Bolt answers, then runs until
 * SIGTERM or SIGINT, which shut the database down cleanly.
 */
public class LocalNeo4j {
    static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("NEO4J_LOCAL_HOME", ".neo4j-local")).toAbsolutePath();
        String host = env("NEO4J_LOCAL_HOST", "127.0.0.1");
        int bolt = Integer.parseInt(env("NEO4J_LOCAL_BOLT_PORT", "7687"));
        int http = Integer.parseInt(env("NEO4J_LOCAL_HTTP_PORT", "7474")); // 0 = no HTTP, no Browser
        long pageCacheMb = Long.parseLong(env("NEO4J_LOCAL_PAGECACHE_MB", "256"));

        // Settings without a public Java constant go through a generated neo4j.conf in the home folder.
        Files.createDirectories(home);
        Path conf = home.resolve("neo4j-local.conf");
        Files.writeString(conf, String.join("\n",
                "dbms.usage_report.enabled=false",
                "server.logs.debug.enabled=false",
                // Transaction logs are kept for recovery and backups; a local database needs little of them
                // (a 10k-article ingest otherwise leaves gigabytes behind).
                "db.tx_log.rotation.retention_policy=" + env("NEO4J_LOCAL_TX_LOG_RETENTION", "512M size"),
                "browser.remote_content_hostname_whitelist=" + env("NEO4J_BROWSER_ALLOWLIST", "localhost,guides.neo4j.com"),
                "browser.post_connect_cmd=" + env("NEO4J_BROWSER_POST_CONNECT_CMD", ""),
                ""));

        DatabaseManagementServiceBuilder builder = (DatabaseManagementServiceBuilder) new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, bolt))
                .setConfig(HttpConnector.enabled, http > 0)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .loadPropertiesFromFile(conf);
        if (http > 0) builder.setConfig(HttpConnector.listen_address, new SocketAddress(host, http));

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("NEO4J_READY bolt://" + host + ":" + bolt
                + (http > 0 ? " http://" + host + ":" + http + "/browser/" : "") + " (" + ms + " ms)");
        System.out.flush();
        Thread.currentThread().join();
    }
}
