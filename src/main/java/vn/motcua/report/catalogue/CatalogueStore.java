package vn.motcua.report.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.TextKey;

/**
 * Keeps the database's catalogue (tables {@code field}, {@code field_alias}) as {@code jobs/catalogue.yaml}
 * says: fields are added with the next free cell number, renamed and reordered in place, and retired
 * (never deleted) when the file drops them. Imports and runs call {@link #refresh()} first; a jobs folder
 * without the file leaves the database's catalogue as it is.
 */
@Service
public class CatalogueStore {

    /** The highest field number a per-dossier cell can hold (CellCode keeps 23 bits for it). */
    static final int MAX_FIELD_POSITION = (1 << 23) - 1;

    private final JdbcTemplate jdbc;
    private final JobsFolder jobs;
    private final TransactionTemplate tx;

    public CatalogueStore(JdbcTemplate jdbc, JobsFolder jobs, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Reads the jobs folder's catalogue and applies it; empty when the folder has none.
     *
     * @throws Refusal when the file is wrong (nothing is changed then)
     */
    public Optional<Catalogue> refresh() {
        Optional<Catalogue> catalogue = jobs.file(CatalogueFile.NAME, CatalogueFile.Written.class).map(CatalogueFile::read);
        catalogue.ifPresent(this::apply);
        return catalogue;
    }

    /** Makes the database's catalogue this one, in one transaction (concurrent commands take turns). */
    public void apply(Catalogue catalogue) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('motcua.catalogue'))");
            Map<String, Integer> positions = new HashMap<>();
            jdbc.query("SELECT code, position FROM field", rs -> {
                positions.put(rs.getString(1), rs.getInt(2));
            });
            int next = positions.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            if (next - 1 + catalogue.fields().size() > MAX_FIELD_POSITION) {
                throw new Refusal("catalogue.tooManyFields", CatalogueFile.NAME, catalogue.fields().size(),
                        MAX_FIELD_POSITION);
            }
            jdbc.update("UPDATE field SET retired = true, sort_order = sort_order + 1000000 WHERE NOT retired");
            int order = 0;
            for (Catalogue.Entry f : catalogue.fields()) {
                order++;
                if (positions.containsKey(f.code())) {
                    jdbc.update("UPDATE field SET name = ?, sort_order = ?, retired = false WHERE code = ?", f.name(),
                            order, f.code());
                } else {
                    jdbc.update("INSERT INTO field (code, position, name, sort_order) VALUES (?, ?, ?, ?)", f.code(),
                            next++, f.name(), order);
                }
            }
            jdbc.update("DELETE FROM field_alias");
            List<Object[]> aliases = new ArrayList<>();
            for (Catalogue.Entry f : catalogue.fields()) {
                Map<String, String> byKey = new LinkedHashMap<>();
                f.aliases().forEach(a -> byKey.putIfAbsent(TextKey.of(a), a));
                byKey.forEach((key, alias) -> aliases.add(new Object[] {key, alias, f.code()}));
            }
            jdbc.batchUpdate("INSERT INTO field_alias (alias_key, alias, field_code) VALUES (?, ?, ?)", aliases);
            applyUnits(catalogue.units());
            jdbc.update("DELETE FROM procedure_field");
            List<Object[]> procedures = new ArrayList<>();
            for (Catalogue.Procedure p : catalogue.procedures()) {
                for (String name : new String[] {p.code(), p.name()}) {
                    if (name != null) {
                        procedures.add(new Object[] {TextKey.of(name), name, p.field()});
                    }
                }
            }
            jdbc.batchUpdate("INSERT INTO procedure_field (procedure_key, procedure, field_code) VALUES (?, ?, ?)",
                    procedures);
        });
    }

    /**
     * The units named by the dossiers this import stored that the catalogue does not list (by name or alias,
     * whatever the case, spacing or Unicode form), with how many dossiers name each: staff add them or an alias.
     */
    public Map<String, Long> unlistedUnits(long importId) {
        java.util.Set<String> known = new java.util.HashSet<>();
        jdbc.query("SELECT code, name FROM unit WHERE NOT retired", rs -> {
            known.add(TextKey.of(rs.getString(1)));
            known.add(TextKey.of(rs.getString(2)));
        });
        jdbc.query("SELECT a.alias_key FROM unit_alias a JOIN unit u ON u.code = a.unit_code WHERE NOT u.retired", rs -> {
            known.add(rs.getString(1));
        });
        Map<String, Long> unlisted = new java.util.TreeMap<>();
        jdbc.query("SELECT unit, count(*) FROM dossier WHERE import_id = ? AND unit IS NOT NULL GROUP BY unit", rs -> {
            if (!known.contains(TextKey.of(rs.getString(1)))) {
                unlisted.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }, importId);
        return unlisted;
    }

    /** Units as fields, except that a unit has no cell number: dossiers name their unit by text. */
    private void applyUnits(List<Catalogue.Entry> units) {
        jdbc.update("UPDATE unit SET retired = true WHERE NOT retired");
        int order = 0;
        for (Catalogue.Entry u : units) {
            order++;
            jdbc.update("""
                    INSERT INTO unit (code, name, sort_order) VALUES (?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sort_order = EXCLUDED.sort_order, retired = false""",
                    u.code(), u.name(), order);
        }
        jdbc.update("DELETE FROM unit_alias");
        List<Object[]> aliases = new ArrayList<>();
        for (Catalogue.Entry u : units) {
            Map<String, String> byKey = new LinkedHashMap<>();
            u.aliases().forEach(a -> byKey.putIfAbsent(TextKey.of(a), a));
            byKey.forEach((key, alias) -> aliases.add(new Object[] {key, alias, u.code()}));
        }
        jdbc.batchUpdate("INSERT INTO unit_alias (alias_key, alias, unit_code) VALUES (?, ?, ?)", aliases);
    }
}
