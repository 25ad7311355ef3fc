//! A seeded generator of inputs, shared by the pallet's property tests and the runtime's fuzzer
//! (`runtime/tests/fuzz.rs`). It is reproducible from its seed on the stable toolchain: a
//! failure is replayed by running the same seed again.
//!
//! Besides uniform draws it shapes inputs the way an attacker would: ids that exist most of
//! the time, and otherwise the edges of every numeric type (zero, one, the largest values and
//! their neighbours), and byte strings that are empty, full or in between.

use alloc::vec::Vec;
use sp_runtime::{FixedU128, Perbill};

/// A 64-bit linear congruential generator (Knuth's MMIX constants); [`Rng::below`] takes its
/// high bits.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator that replays the same sequence for the same seed.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	fn step(&mut self) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		self.0 >> 33
	}

	/// A number in `0..m` (0 if `m` is 0).
	pub fn below(&mut self, m: u64) -> u64 {
		self.step().checked_rem(m).unwrap_or(0)
	}

	/// 64 random bits.
	pub fn bits(&mut self) -> u64 {
		(self.step() << 33) ^ (self.step() << 2) ^ self.step()
	}

	/// True `percent` times in a hundred.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items`, or `None` if there are none.
	pub fn pick<'a, I>(&mut self, items: &'a [I]) -> Option<&'a I> {
		if items.is_empty() {
			None
		} else {
			items.get(self.below(items.len() as u64) as usize)
		}
	}

	/// An edge of `u128`: 0, 1, 2, the largest `u32`, `u64` and `u128` and their neighbours.
	pub fn edge_u128(&mut self) -> u128 {
		const EDGES: [u128; 10] = [
			0,
			1,
			2,
			u32::MAX as u128,
			u32::MAX as u128 + 1,
			u64::MAX as u128,
			u64::MAX as u128 + 1,
			u128::MAX / 2,
			u128::MAX - 1,
			u128::MAX,
		];
		let i = self.below(EDGES.len() as u64) as usize;
		EDGES.get(i).copied().unwrap_or_default()
	}

	/// An edge of `u32`: 0, 1, 2, and the largest values.
	pub fn edge_u32(&mut self) -> u32 {
		const EDGES: [u32; 6] = [0, 1, 2, u32::MAX / 2, u32::MAX - 1, u32::MAX];
		let i = self.below(EDGES.len() as u64) as usize;
		EDGES.get(i).copied().unwrap_or_default()
	}

	/// Mostly a small amount in `1..=max`, sometimes an edge value.
	pub fn amount(&mut self, max: u128) -> u128 {
		if self.chance(85) {
			let max = max.max(1);
			let wide = u128::from(self.bits()) << 64 | u128::from(self.bits());
			wide.checked_rem(max).unwrap_or(0).saturating_add(1)
		} else {
			self.edge_u128()
		}
	}

	/// An id below `next` (an existing one) most of the time, otherwise any, edges included.
	pub fn id(&mut self, next: u64) -> u64 {
		if next > 0 && self.chance(90) {
			self.below(next)
		} else if self.chance(50) {
			next
		} else {
			u64::from(self.edge_u32()) | if self.chance(20) { u64::MAX } else { 0 }
		}
	}

	/// A share: none, all, a half, or any.
	pub fn perbill(&mut self) -> Perbill {
		match self.below(5) {
			0 => Perbill::zero(),
			1 => Perbill::one(),
			2 => Perbill::from_percent(50),
			_ => Perbill::from_parts(self.below(1_000_000_001) as u32),
		}
	}

	/// A rate: mostly a small one, sometimes zero, a fraction, or the largest there is.
	pub fn rate(&mut self) -> FixedU128 {
		match self.below(8) {
			0 => FixedU128::from_inner(0),
			1 => FixedU128::from_inner(u128::MAX),
			2 => FixedU128::from_rational(1, u128::from(self.below(1_000).saturating_add(1))),
			_ => FixedU128::from_u32((self.below(100) as u32).saturating_add(1)),
		}
	}

	/// Bytes of a length in `0..=max`: empty, full, or in between.
	pub fn bytes(&mut self, max: u32) -> Vec<u8> {
		let len = match self.below(4) {
			0 => 0,
			1 => max,
			_ => self.below(u64::from(max).saturating_add(1)) as u32,
		};
		(0..len).map(|_| self.below(256) as u8).collect()
	}

	/// A boolean.
	pub fn flip(&mut self) -> bool {
		self.below(2) == 1
	}
}
