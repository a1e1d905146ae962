package uk.co.lomashwood.product.support;

import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The CDN of the tests (there is no CloudFront locally): remembers every path the service invalidates. */
public class RecordingCdn implements CdnInvalidator {

    private final List<String> paths = new CopyOnWriteArrayList<>();

    @Override
    public void invalidate(Collection<String> invalidated) {
        paths.addAll(invalidated);
    }

    public List<String> paths() {
        return List.copyOf(paths);
    }

    public void forget() {
        paths.clear();
    }
}
