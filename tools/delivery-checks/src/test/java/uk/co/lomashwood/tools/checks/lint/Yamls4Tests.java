package uk.co.lomashwood.tools.checks.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test access to the workflow structure. */
public final class Yamls4Tests {

    private Yamls4Tests() {
    }

    /** The {@code run:} scripts of every step of a workflow, in file order. */
    public static List<String> runBlocks(String workflow) {
        List<String> runs = new ArrayList<>();
        Map<String, Object> jobs = Yamls.map(Yamls.load(workflow).get("jobs"));
        for (Object job : jobs.values()) {
            for (Object step : Yamls.list(Yamls.map(job).get("steps"))) {
                Object run = Yamls.map(step).get("run");
                if (run != null) {
                    runs.add(run.toString());
                }
            }
        }
        return runs;
    }
}
