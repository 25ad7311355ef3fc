//! The node's RPC beyond the standard set: account nonces (`system_accountNextIndex`) and fees
//! (`payment_queryInfo`, `payment_queryFeeDetails`).

use std::sync::Arc;

use crate::service::FullClient;
use commons_runtime::{opaque::Block, AccountId, Hash, Nonce};
use jsonrpsee::RpcModule;
use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
use sc_transaction_pool_api::TransactionPool;
use substrate_frame_rpc_system::{System, SystemApiServer};

/// Builds the RPC extensions of a full node.
pub fn create_full<P: TransactionPool + 'static>(
	client: Arc<FullClient>,
	pool: Arc<P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>> {
	let mut module = RpcModule::new(());
	module.merge(SystemApiServer::<Hash, AccountId, Nonce>::into_rpc(System::<
		P,
		FullClient,
		Block,
	>::new(
		client.clone(), pool
	)))?;
	module.merge(TransactionPaymentApiServer::<Hash, _>::into_rpc(TransactionPayment::<
		FullClient,
		Block,
	>::new(client)))?;
	Ok(module)
}
