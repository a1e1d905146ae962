package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.List;

/** deploy/services.tsv: the nine services of spec 00 §0 with port, database and Redis DB index. */
public record ServiceCatalogue(List<Entry> entries) {

    public record Entry(String name, int port, String database, int redisDb) {
        public boolean hasDatabase() {
            return !database.equals("-");
        }
    }

    public static ServiceCatalogue parse(String tsv) {
        List<Entry> entries = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            entries.add(new Entry(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3].trim())));
        }
        return new ServiceCatalogue(List.copyOf(entries));
    }

    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
