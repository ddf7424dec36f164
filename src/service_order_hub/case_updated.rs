//! The "case updated" webhook: a patch.

use super::case::Case;
use super::objects::{ContactPatch, OrderDataPatch, ProductDataPatch};
use crate::wire::{Patch, excerpt, open_struct};

open_struct! {
    #[model]
    /// The "case updated" webhook: what changed in a case, as a patch.
    ///
    /// A key sent with a value has that new value; a key sent as `null` was removed; a key not
    /// sent is unchanged; an array is one value, replaced whole. Every field here and in the
    /// objects inside is a [`Patch`] that keeps those three states apart, both when decoding
    /// and when encoding back, and keys this crate does not model are kept in `other` (a patch
    /// is a change the receiver must apply, so none is dropped). Apply it to a stored
    /// [`Case`] with [`apply_to`](CaseUpdated::apply_to).
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
        order_data: Patch<OrderDataPatch> = "orderData" in place,
        /// Changes to the product data.
        product_data: Patch<ProductDataPatch> = "productData" in place,
        /// Changes to the customer.
        customer: Patch<ContactPatch> = "customer" in place,
        /// Changes to the consumer.
        consumer: Patch<ContactPatch> = "consumer" in place,
        /// Changes to the pickup destination.
        pickup_dst: Patch<ContactPatch> = "pickupDst" in place,
        /// Changes to the return destination.
        return_dst: Patch<ContactPatch> = "returnDst" in place,
        /// Changes to the sender.
        sender: Patch<ContactPatch> = "sender" in place,
        /// Changes to the receiver.
        receiver: Patch<ContactPatch> = "receiver" in place,
    }
}

impl CaseUpdated {
    /// Applies this patch to a case you stored (from a status transition, an invoice or the
    /// API), as the Webhooks page defines the patch: a key sent with a value sets it, a key
    /// sent as `null` removes it, a key not sent leaves it, and an array is one value,
    /// replaced whole.
    ///
    /// - Each object of the case (`orderData`, `productData`, `customer`, `consumer`,
    ///   `pickupDst`, `returnDst`, `sender`, `receiver`) is patched field by field with
    ///   [`OrderDataPatch::apply_to`], [`ProductDataPatch::apply_to`] or
    ///   [`ContactPatch::apply_to`]; sent as `null`, the object becomes `None`. A patch to an
    ///   object the case does not have yet creates it from [`Default`] (so `"consumer": {}`
    ///   gives an empty consumer).
    /// - Keys inside an object that this crate does not model are applied to that object's
    ///   `other` the same way: `null` removes the key, any other value sets it.
    /// - A value inside an object is replaced whole, objects included (`partnerSpecific`,
    ///   `shipmentData`, `notifications`): the docs do not say that nested objects are patched
    ///   key by key, and the crate keeps them as one value.
    /// - Top-level keys this crate does not model (in `self.other`, such as `tags`) are not
    ///   applied: [`Case`] keeps no keys it does not model. Read them from `self.other`.
    /// - `guid` names the case and is never written to it.
    ///
    /// The patch is borrowed, not consumed, so that it can still be forwarded, logged or read
    /// after it is applied (and after an error); the values it sets are cloned, which costs a
    /// webhook's worth of strings.
    ///
    /// ```
    /// use aftersales_webhooks::from_slice;
    /// use aftersales_webhooks::service_order_hub::{Case, CaseUpdated};
    ///
    /// let mut case: Case = from_slice(
    ///     br#"{"guid":"989d","productData":{"model":"Model S","serial":"5557779900"}}"#,
    /// )?;
    /// let update: CaseUpdated = from_slice(
    ///     br#"{"guid":"989d","productData":{"model":"Cybertruck","serial":null},
    ///         "consumer":{"firstName":"Elon"}}"#,
    /// )?;
    /// update.apply_to(&mut case)?;
    /// let product = case.product_data.as_ref();
    /// assert_eq!(product.and_then(|p| p.model.as_deref()), Some("Cybertruck"));
    /// assert_eq!(product.and_then(|p| p.serial.as_deref()), None);
    /// let consumer = case.consumer.as_ref();
    /// assert_eq!(consumer.and_then(|c| c.first_name.as_deref()), Some("Elon"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`ApplyError::GuidMismatch`] when the patch's `guid` and the case's are both known and
    /// differ (compared without regard to ASCII case, as guids are): the patch is about
    /// another case, and the case is left unchanged. When either guid is missing, the patch is
    /// applied: the caller chose the case.
    pub fn apply_to(&self, case: &mut Case) -> Result<(), ApplyError> {
        // Every field by name, so that a field added to the patch cannot be forgotten here.
        let Self {
            guid,
            order_data,
            product_data,
            customer,
            consumer,
            pickup_dst,
            return_dst,
            sender,
            receiver,
            other: _,
        } = self;
        if let (Some(update), Some(stored)) = (guid, &case.guid)
            && !update.eq_ignore_ascii_case(stored)
        {
            return Err(ApplyError::GuidMismatch {
                update: update.clone(),
                case: stored.clone(),
            });
        }
        apply_object(order_data, &mut case.order_data, OrderDataPatch::apply_to);
        apply_object(
            product_data,
            &mut case.product_data,
            ProductDataPatch::apply_to,
        );
        apply_object(customer, &mut case.customer, ContactPatch::apply_to);
        apply_object(consumer, &mut case.consumer, ContactPatch::apply_to);
        apply_object(pickup_dst, &mut case.pickup_dst, ContactPatch::apply_to);
        apply_object(return_dst, &mut case.return_dst, ContactPatch::apply_to);
        apply_object(sender, &mut case.sender, ContactPatch::apply_to);
        apply_object(receiver, &mut case.receiver, ContactPatch::apply_to);
        Ok(())
    }
}

/// Applies the patch of one object of a case: absent leaves it, `null` removes it, a change is
/// applied field by field, to a new object if the case has none.
fn apply_object<P, T: Default>(change: &Patch<P>, object: &mut Option<T>, apply: fn(&P, &mut T)) {
    match change {
        Patch::Absent => {}
        Patch::Null => *object = None,
        Patch::Value(change) => apply(change, object.get_or_insert_with(T::default)),
    }
}

/// Why [`CaseUpdated::apply_to`] did not apply a patch; the case is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    /// The patch is about another case: its `guid` is not the case's.
    #[error(
        "the case-updated patch is for case {}, not for case {}",
        excerpt(.update),
        excerpt(.case)
    )]
    #[non_exhaustive]
    GuidMismatch {
        /// The patch's guid.
        update: String,
        /// The stored case's guid.
        case: String,
    },
}

impl super::CaseGuid for CaseUpdated {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
