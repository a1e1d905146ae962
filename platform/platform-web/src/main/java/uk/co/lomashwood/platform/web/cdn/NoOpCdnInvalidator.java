package uk.co.lomashwood.platform.web.cdn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;

/** Local runs have no CDN; the paths are only logged at debug level. */
public class NoOpCdnInvalidator implements CdnInvalidator {

    private static final Logger log = LoggerFactory.getLogger(NoOpCdnInvalidator.class);

    @Override
    public void invalidate(Collection<String> paths) {
        log.debug("cdn invalidation skipped (no CDN configured): {}", paths);
    }
}
