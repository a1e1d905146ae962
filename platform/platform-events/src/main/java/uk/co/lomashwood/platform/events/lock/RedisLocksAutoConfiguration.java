package uk.co.lomashwood.platform.events.lock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@link RedisLocks} on the service's own Redis ({@code spring.data.redis.*}) whenever there is one. */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(StringRedisTemplate.class)
public class RedisLocksAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RedisLocks redisLocks(StringRedisTemplate redis) {
        return new RedisLocks(redis);
    }
}
