package uk.co.lomashwood.auth.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.auth.mfa.Authenticators;
import uk.co.lomashwood.auth.password.PasswordHasher;
import uk.co.lomashwood.auth.password.PasswordHistory;
import uk.co.lomashwood.auth.user.UserRepository;

@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfig {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    TestUsers testUsers(UserRepository users, PasswordHasher hasher, PasswordHistory history,
                        Authenticators authenticators, TransactionTemplate transactions, TestClock clock) {
        return new TestUsers(users, hasher, history, authenticators, transactions, clock);
    }
}
