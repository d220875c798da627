//! The global allocator: mimalloc, asked the way the standard library asks
//! the system allocator.
//!
//! The `mimalloc` crate passes every request to `mi_malloc_aligned`, which
//! serves a block over 1 KiB, or a size that is not a multiple of its
//! alignment, by its slow generic path (about 140 instructions a call in
//! `refuge screen`, against some 30 for `mi_malloc`). Rust asks almost only
//! for alignments of 8 or less, which every mimalloc block has anyway:
//! blocks of 16 bytes and more are 16-byte aligned (`MI_MAX_ALIGN_SIZE`;
//! small size classes are rounded to two words), and smaller ones are
//! word-aligned. So, as `std`'s `System` does with `malloc`, plain
//! `mi_malloc` serves an alignment no larger than 16 and no larger than the
//! size; anything else still goes to the aligned entry points.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment every `mi_malloc` block of at least this size has.
const MIN_ALIGN: usize = 16;

pub struct MiMalloc;

/// Whether plain `mi_malloc` already aligns a block of `layout` as asked.
fn natural(layout: Layout) -> bool {
    layout.align() <= MIN_ALIGN && layout.align() <= layout.size()
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free`
// takes blocks of either entry point); `natural` keeps the alignment
// promised by `GlobalAlloc` (see the module's documentation).
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if natural(layout) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe {
            if natural(layout) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            // The new layout has the old alignment and `new_size` (nonzero).
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            if natural(new) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_as_asked() {
        for size in [
            1, 2, 3, 7, 8, 12, 16, 24, 40, 72, 100, 1000, 1500, 5000, 70_000,
        ] {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let p = MiMalloc.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size}, align {align}");
                    p.write_bytes(7, size);
                    let q = MiMalloc.realloc(p, layout, size * 3);
                    assert_eq!(
                        q as usize % align,
                        0,
                        "realloc to {}, align {align}",
                        size * 3
                    );
                    assert_eq!(*q, 7);
                    MiMalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = MiMalloc.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    MiMalloc.dealloc(z, layout);
                }
            }
        }
    }
}
