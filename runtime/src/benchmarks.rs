//! The pallets benchmarked by `commons-node benchmark pallet`.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_assets, Assets]
	[pallet_balances, Balances]
	[pallet_collator_selection, CollatorSelection]
	[pallet_commons, Commons]
	[pallet_grandpa, Grandpa]
	[pallet_preimage, Preimage]
	[pallet_scheduler, Scheduler]
	[pallet_session, SessionBench::<Runtime>]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_utility, Utility]
);
