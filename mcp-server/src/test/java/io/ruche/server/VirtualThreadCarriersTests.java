package io.ruche.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualThreadCarriersTests {

	@Test
	void runsAtLeastFourCarriersAndOneACoreBeyond() {
		assertThat(VirtualThreadCarriers.parallelism(null, 2)).isEqualTo("4");
		assertThat(VirtualThreadCarriers.parallelism(" ", 1)).isEqualTo("4");
		assertThat(VirtualThreadCarriers.parallelism(null, 16)).isEqualTo("16");
	}

	@Test
	void keepsWhatTheOperatorSet() {
		assertThat(VirtualThreadCarriers.parallelism("2", 8)).isEqualTo("2");
	}

}
