//! The "case updated" webhook: a patch.

use super::objects::{ContactPatch, OrderDataPatch, ProductDataPatch};
use crate::wire::{Patch, open_struct};

open_struct! {
    #[model]
    /// The "case updated" webhook: what changed in a case, as a patch.
    ///
    /// A key sent with a value has that new value; a key sent as `null` was removed; a key not
    /// sent is unchanged; an array is one value, replaced whole. Every field here and in the
    /// objects inside is a [`Patch`] that keeps those three states apart, both when decoding
    /// and when encoding back, and keys this crate does not model are kept in `other` (a patch
    /// is a change the receiver must apply, so none is dropped).
    ///
    /// ```
    /// use aftersales_webhooks::service_order_hub::CaseUpdated;
    /// use aftersales_webhooks::wire::Patch;
    ///
    /// let body = br#"{"guid":"989d","orderData":{"refNo":"REF","serial":null}}"#;
    /// let update: CaseUpdated = aftersales_webhooks::from_slice(body)?;
    /// let Patch::Value(order) = &update.order_data else { unreachable!() };
    /// assert_eq!(order.ref_no, Patch::Value("REF".to_owned()));
    /// assert!(order.chain.is_absent());
    /// assert_eq!(order.other["serial"].get(), "null"); // removed, and not a key we model
    /// assert!(update.product_data.is_absent());
    /// # Ok::<(), aftersales_webhooks::Error>(())
    /// ```
    pub struct CaseUpdated {
        /// The case's guid, always sent.
        guid: Option<String> = "guid",
        /// Changes to the order data.
        order_data: Patch<OrderDataPatch> = "orderData",
        /// Changes to the product data.
        product_data: Patch<ProductDataPatch> = "productData",
        /// Changes to the customer.
        customer: Patch<ContactPatch> = "customer",
        /// Changes to the consumer.
        consumer: Patch<ContactPatch> = "consumer",
        /// Changes to the pickup destination.
        pickup_dst: Patch<ContactPatch> = "pickupDst",
        /// Changes to the return destination.
        return_dst: Patch<ContactPatch> = "returnDst",
        /// Changes to the sender.
        sender: Patch<ContactPatch> = "sender",
        /// Changes to the receiver.
        receiver: Patch<ContactPatch> = "receiver",
    }
}

impl super::CaseGuid for CaseUpdated {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
