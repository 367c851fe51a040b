use serde::{Deserialize, Serialize};

use super::{Bitstring, StatusError, StatusPurpose};

/// Random draws before falling back to picking among the free indexes directly. Below
/// the half-full limit each draw succeeds with probability at least 1/2, so the fallback
/// runs about once in 2^32 allocations; it exists to bound the time, not for speed.
const RANDOM_TRIES: usize = 32;

/// The issuer's state for one status list: the published status bits plus which
/// indexes have been given to credentials.
///
/// Indexes are handed out uniformly at random among the unused ones, so that an index
/// says nothing about when or to whom a credential was issued. A list hands out at most
/// half its entries ([`IssuerStatusList::allocation_limit`], 65,536 for a minimum-size
/// list): past that, random picks would keep hitting used indexes, and a fuller list
/// would also shrink the crowd each holder hides in. When it is full, start a new list.
///
/// Serializes with `bits` and `allocated` as encoded bitstrings; deserializing checks
/// that they have the same length and that no status is set on an unallocated index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IssuerListWire", into = "IssuerListWire")]
pub struct IssuerStatusList {
    /// URL or URN of the status list credential; credentials name it in
    /// `statusListCredential`.
    pub id: String,
    /// What a set bit means.
    pub purpose: StatusPurpose,
    /// The status bits as published.
    pub bits: Bitstring,
    allocated: Bitstring,
    /// Cached `allocated.count_set()`, so that filling a list is not quadratic.
    allocated_count: usize,
}

impl IssuerStatusList {
    /// An empty list of [`MIN_ENTRIES`](super::MIN_ENTRIES) entries.
    pub fn new(id: &str, purpose: StatusPurpose) -> Self {
        Self {
            id: id.to_owned(),
            purpose,
            bits: Bitstring::minimum(),
            allocated: Bitstring::minimum(),
            allocated_count: 0,
        }
    }

    /// An empty list of `entries` entries, for issuers that expect more than 65,536
    /// credentials in one list.
    ///
    /// # Errors
    /// As for [`Bitstring::new`].
    pub fn with_entries(
        id: &str,
        purpose: StatusPurpose,
        entries: usize,
    ) -> Result<Self, StatusError> {
        Ok(Self {
            id: id.to_owned(),
            purpose,
            bits: Bitstring::new(entries)?,
            allocated: Bitstring::new(entries)?,
            allocated_count: 0,
        })
    }

    /// The most indexes this list hands out: half its entries.
    pub fn allocation_limit(&self) -> usize {
        self.allocated.len() / 2
    }

    /// How many indexes have been handed out.
    pub fn allocated_count(&self) -> usize {
        self.allocated_count
    }

    /// Whether `index` has been handed out.
    ///
    /// # Errors
    /// [`StatusError::IndexOutOfRange`] outside the list.
    pub fn is_allocated(&self, index: usize) -> Result<bool, StatusError> {
        self.allocated.get(index)
    }

    /// The current status bit of `index`.
    ///
    /// # Errors
    /// [`StatusError::IndexOutOfRange`] outside the list.
    pub fn status(&self, index: usize) -> Result<bool, StatusError> {
        self.bits.get(index)
    }

    /// Hands out an unused index chosen uniformly at random.
    ///
    /// Use a cryptographic RNG (`rand::rngs::OsRng` or `rand::thread_rng()`): with a
    /// predictable one, indexes would reveal the order of issuance.
    ///
    /// # Errors
    /// [`StatusError::ListFull`] at the [allocation limit](Self::allocation_limit).
    pub fn allocate<R: rand::Rng + ?Sized>(&mut self, rng: &mut R) -> Result<usize, StatusError> {
        self.check_not_full()?;
        let len = self.allocated.len();
        for _ in 0..RANDOM_TRIES {
            let index = rng.gen_range(0..len);
            if !self.allocated.get(index)? {
                self.mark_allocated(index)?;
                return Ok(index);
            }
        }
        let free = len.saturating_sub(self.allocated_count).max(1);
        let index = nth_unset(&self.allocated, rng.gen_range(0..free)).ok_or(
            StatusError::InconsistentState("no free index below the limit"),
        )?;
        self.mark_allocated(index)?;
        Ok(index)
    }

    /// Hands out a chosen index, so that a credential can have the same index in its
    /// revocation and suspension lists.
    ///
    /// # Errors
    /// [`StatusError::IndexAlreadyAllocated`] if taken, [`StatusError::IndexOutOfRange`]
    /// outside the list, [`StatusError::ListFull`] at the allocation limit (which keeps
    /// paired lists filling alike).
    pub fn allocate_specific(&mut self, index: usize) -> Result<(), StatusError> {
        if self.allocated.get(index)? {
            return Err(StatusError::IndexAlreadyAllocated(index));
        }
        self.check_not_full()?;
        self.mark_allocated(index)
    }

    /// Sets (revokes or suspends) or clears the status of an allocated index.
    ///
    /// # Errors
    /// [`StatusError::IndexOutOfRange`] outside the list; [`StatusError::IndexNotAllocated`]
    /// if no credential has the index, which would mean the caller has the wrong index
    /// or the wrong list.
    pub fn set_status(&mut self, index: usize, value: bool) -> Result<(), StatusError> {
        if !self.allocated.get(index)? {
            return Err(StatusError::IndexNotAllocated(index));
        }
        self.bits.set(index, value)
    }

    fn mark_allocated(&mut self, index: usize) -> Result<(), StatusError> {
        self.allocated.set(index, true)?;
        self.allocated_count += 1;
        Ok(())
    }

    fn check_not_full(&self) -> Result<(), StatusError> {
        let allocated = self.allocated_count();
        let limit = self.allocation_limit();
        if allocated >= limit {
            return Err(StatusError::ListFull { allocated, limit });
        }
        Ok(())
    }
}

/// The index of the `n`-th (from 0) unset bit.
fn nth_unset(bits: &Bitstring, mut n: usize) -> Option<usize> {
    for (i, byte) in bits.as_bytes().iter().enumerate() {
        let free = byte.count_zeros() as usize;
        if n >= free {
            n -= free;
            continue;
        }
        for bit in 0..8 {
            if byte & (0x80 >> bit) == 0 {
                if n == 0 {
                    return Some(i * 8 + bit);
                }
                n -= 1;
            }
        }
    }
    None
}

#[derive(Serialize, Deserialize)]
struct IssuerListWire {
    id: String,
    purpose: StatusPurpose,
    bits: Bitstring,
    allocated: Bitstring,
}

impl TryFrom<IssuerListWire> for IssuerStatusList {
    type Error = StatusError;

    fn try_from(wire: IssuerListWire) -> Result<Self, Self::Error> {
        if wire.bits.len() != wire.allocated.len() {
            return Err(StatusError::InconsistentState(
                "status bits and allocations differ in length",
            ));
        }
        let stray = wire
            .bits
            .as_bytes()
            .iter()
            .zip(wire.allocated.as_bytes())
            .any(|(bits, allocated)| bits & !allocated != 0);
        if stray {
            return Err(StatusError::InconsistentState(
                "a status is set on an index that was never allocated",
            ));
        }
        Ok(Self {
            id: wire.id,
            purpose: wire.purpose,
            allocated_count: wire.allocated.count_set(),
            bits: wire.bits,
            allocated: wire.allocated,
        })
    }
}

impl From<IssuerStatusList> for IssuerListWire {
    fn from(list: IssuerStatusList) -> Self {
        Self {
            id: list.id,
            purpose: list.purpose,
            bits: list.bits,
            allocated: list.allocated,
        }
    }
}
