package org.qibao.identity;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityNodeTypes {

	@Bean
	NodeType<Account> accountNodeType(Accounts accounts) {
		return NodeType.of("Account", accounts::findAll);
	}

}
