package org.qibao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Qibao: volunteer patrols and a time bank for city grid management.
 */
@SpringBootApplication
@EnableScheduling
public class QibaoApplication {

	public static void main(String[] args) {
		SpringApplication.run(QibaoApplication.class, args);
	}

}
