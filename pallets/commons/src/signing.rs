//! Payloads that contributors and reviewers sign off-chain in a wallet, and their verification.
//!
//! A payload is SCALE-encoded and signed as is, or wrapped as `<Bytes>` + payload + `</Bytes>`
//! (what browser extensions sign for `signRaw`); both forms verify.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::{traits::Verify, FixedU128};

use crate::{
	types::{Assessment, ContributionId, KindIndex, ProjectId, Quantity, Verdict},
	Config, Error,
};

/// Domain tag of a wallet-signed attestation.
pub const ATTESTATION_TAG: [u8; 8] = *b"cmns:att";
/// Domain tag of a wallet-signed contribution.
pub const CONTRIBUTION_TAG: [u8; 8] = *b"cmns:ctb";

/// What a reviewer signs. SCALE encoding, in this field order:
/// `genesis_hash` (32 bytes), `tag` (8 bytes, `cmns:att`), `contribution` (u64 LE),
/// `contributor` (the contributor's account, 32 bytes), `content` (32 bytes: the BLAKE2b-256
/// hash of the SCALE encoding of the contribution's `(project: u32, kind: u8, quantity: u128,
/// evidence: Vec<u8>)`, see [`content_hash`]), `verdict` (1 byte: 0 approve, 1 reject),
/// `assessed_quantity` (`Option<u128>`: 0x00, or 0x01 then 16 bytes LE), `assessed_rate`
/// (`Option<FixedU128>`: 0x00, or 0x01 then the rate × 10^18 as 16 bytes LE), `expires_at` (u32
/// LE, the last block in which it counts).
///
/// The contributor and the content bind the signature to the work reviewed, not only to its
/// id: a signature made for a contribution counts for no other that takes the same id.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct AttestationPayload<AccountId, Hash, BlockNumber> {
	/// The genesis hash of the chain the signature is meant for.
	pub genesis_hash: Hash,
	/// `cmns:att`.
	pub tag: [u8; 8],
	/// The contribution reviewed.
	pub contribution: ContributionId,
	/// Who logged it.
	pub contributor: AccountId,
	/// What it claims: [`content_hash`] of its project, kind, quantity and evidence.
	pub content: [u8; 32],
	/// Approve or reject.
	pub verdict: Verdict,
	/// The quantity the reviewer assesses, if not the claim.
	pub assessed_quantity: Option<Quantity>,
	/// The rate the reviewer assesses within the kind's range, if not its lowest.
	pub assessed_rate: Option<FixedU128>,
	/// The last block in which the signature counts.
	pub expires_at: BlockNumber,
}

impl<AccountId, Hash, BlockNumber> AttestationPayload<AccountId, Hash, BlockNumber> {
	/// What the reviewer assessed.
	pub(crate) fn assessment(&self) -> Assessment {
		Assessment { quantity: self.assessed_quantity, rate: self.assessed_rate }
	}
}

/// The content a wallet-signed attestation binds: the BLAKE2b-256 hash of the SCALE encoding
/// of `(project, kind, quantity, evidence)`.
pub fn content_hash(
	project: ProjectId,
	kind: KindIndex,
	quantity: Quantity,
	evidence: &[u8],
) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(project, kind, quantity, evidence).encode())
}

/// What a contributor signs so that someone else can log the contribution for them. SCALE
/// encoding, in this field order: `genesis_hash`, `tag` (`cmns:ctb`), `project` (u32 LE),
/// `kind` (u8), `quantity` (u128 LE), `evidence` (compact length + bytes), `nonce` (u32 LE, the
/// contributor's current `SignedContributionNonce`), `expires_at` (u32 LE).
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ContributionPayload<Hash, BlockNumber, Evidence> {
	/// The genesis hash of the chain the signature is meant for.
	pub genesis_hash: Hash,
	/// `cmns:ctb`.
	pub tag: [u8; 8],
	/// The project credited.
	pub project: ProjectId,
	/// The kind, an index into the project's value equation.
	pub kind: KindIndex,
	/// The quantity claimed.
	pub quantity: Quantity,
	/// A hash or URI of the evidence.
	pub evidence: Evidence,
	/// The contributor's signed-contribution nonce: each signature is used once.
	pub nonce: u32,
	/// The last block in which the signature counts.
	pub expires_at: BlockNumber,
}

/// A wallet-signed attestation, as relayed.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct SignedAttestation<AccountId, Payload, Signature> {
	/// The reviewer who signed.
	pub reviewer: AccountId,
	/// What was signed.
	pub payload: Payload,
	/// The signature over the payload (bare or `<Bytes>`-wrapped).
	pub signature: Signature,
}

/// The attestation payload type of a runtime.
pub type AttestationPayloadOf<T> = AttestationPayload<
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::Hash,
	crate::types::BlockNumberOf<T>,
>;
/// The contribution payload type of a runtime.
pub type ContributionPayloadOf<T> = ContributionPayload<
	<T as frame_system::Config>::Hash,
	crate::types::BlockNumberOf<T>,
	crate::types::EvidenceOf<T>,
>;
/// A relayed attestation of a runtime.
pub type SignedAttestationOf<T> = SignedAttestation<
	<T as frame_system::Config>::AccountId,
	AttestationPayloadOf<T>,
	<T as Config>::OffchainSignature,
>;

/// Verifies `signature` by `signer` over `payload`, signed bare or `<Bytes>`-wrapped.
pub fn verify<T: Config>(
	payload: &[u8],
	signature: &T::OffchainSignature,
	signer: &T::AccountId,
) -> bool {
	if signature.verify(payload, signer) {
		return true;
	}
	let mut wrapped = alloc::vec::Vec::with_capacity(payload.len().saturating_add(15));
	wrapped.extend_from_slice(b"<Bytes>");
	wrapped.extend_from_slice(payload);
	wrapped.extend_from_slice(b"</Bytes>");
	signature.verify(&wrapped[..], signer)
}

/// Checks the chain, the domain, the expiry and the signature of a signed payload, failing
/// with `ForeignChain`, `WrongDomain`, `SignatureExpired` or `BadSignature`.
pub fn check<T: Config>(
	genesis_hash: &T::Hash,
	tag: &[u8; 8],
	expected_tag: &[u8; 8],
	expires_at: crate::types::BlockNumberOf<T>,
	encoded: &[u8],
	signature: &T::OffchainSignature,
	signer: &T::AccountId,
) -> DispatchResult {
	ensure!(*genesis_hash == crate::Pallet::<T>::genesis_hash(), Error::<T>::ForeignChain);
	ensure!(tag == expected_tag, Error::<T>::WrongDomain);
	ensure!(frame_system::Pallet::<T>::block_number() <= expires_at, Error::<T>::SignatureExpired);
	ensure!(verify::<T>(encoded, signature, signer), Error::<T>::BadSignature);
	Ok(())
}
