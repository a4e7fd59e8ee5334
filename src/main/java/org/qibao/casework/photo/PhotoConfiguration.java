package org.qibao.casework.photo;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PhotoProperties.class)
class PhotoConfiguration {

	/**
	 * Multipart requests (case photos are the application's only ones) as large as a photo may be,
	 * plus room for the form's framing; larger ones are refused while they are read, with 413.
	 * Parts up to a megabyte stay in memory, larger ones wait in a temporary file for the request.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(PhotoProperties properties) {
		long maxSize = properties.maxSize().toBytes();
		return new MultipartConfigElement("", maxSize, maxSize + 64 * 1024, 1024 * 1024);
	}

}
