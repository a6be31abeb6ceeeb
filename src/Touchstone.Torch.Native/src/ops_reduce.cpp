// Reductions, arg-reductions, sorting and scans.
#include "shim.h"

namespace {

// prod, all and any reduce over one dimension at a time in libtorch 1.13.
template <typename Fn>
at::Tensor one_dim_at_a_time(at::Tensor x, at::IntArrayRef dims, bool keepdim, Fn&& reduce) {
  std::vector<int64_t> sorted(dims.begin(), dims.end());
  for (auto& d : sorted) d = at::maybe_wrap_dim(d, x.dim());
  std::sort(sorted.rbegin(), sorted.rend());  // highest first, so lower indices stay valid without keepdim
  for (int64_t d : sorted) x = reduce(x, d, keepdim);
  return x;
}

}  // namespace

// op: 0 sum, 1 mean, 2 prod, 3 amax, 4 amin, 5 logsumexp, 6 all, 7 any. all_dims ignores dims.
TS_API TsTensor* ts_reduce(TsTensor* self, int32_t op, const int64_t* dims, int64_t ndims, int32_t all_dims,
                           int32_t keepdim) {
  return ts::tensor_result([&]() -> at::Tensor {
    const at::Tensor& x = *self;
    std::vector<int64_t> every;
    if (all_dims) {
      for (int64_t d = 0; d < x.dim(); ++d) every.push_back(d);
      if (!keepdim) {  // the plain full reductions, as PyTorch's x.sum() calls them
        switch (op) {
          case 0: return at::sum(x);
          case 1: return at::mean(x);
          case 2: return at::prod(x);
          case 3: return at::max(x);
          case 4: return at::min(x);
          case 6: return at::all(x);
          case 7: return at::any(x);
        }
      }
    }
    const at::IntArrayRef d = all_dims ? at::IntArrayRef(every) : ts::int_list(dims, ndims);
    const bool keep = keepdim != 0;
    switch (op) {
      case 0: return at::sum(x, d, keep);
      case 1: return at::mean(x, d, keep);
      case 2: return one_dim_at_a_time(x, d, keep, [](const at::Tensor& t, int64_t i, bool k) { return at::prod(t, i, k); });
      case 3: return at::amax(x, d, keep);
      case 4: return at::amin(x, d, keep);
      case 5: return at::logsumexp(x, d, keep);
      case 6: return one_dim_at_a_time(x, d, keep, [](const at::Tensor& t, int64_t i, bool k) { return at::all(t, i, k); });
      case 7: return one_dim_at_a_time(x, d, keep, [](const at::Tensor& t, int64_t i, bool k) { return at::any(t, i, k); });
    }
    TORCH_CHECK(false, "unknown reduction op code ", op);
  });
}

// max or min along a dimension, with the indices where they occur.
TS_API int32_t ts_max_dim(TsTensor* self, int64_t dim, int32_t keepdim, int32_t is_min, TsTensor** values,
                          TsTensor** indices) {
  return ts::status_result([&] {
    auto result = is_min ? at::min(*self, dim, keepdim != 0) : at::max(*self, dim, keepdim != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}

TS_API TsTensor* ts_argmax(TsTensor* self, int64_t dim, int32_t has_dim, int32_t keepdim, int32_t is_min) {
  return ts::tensor_result([&] {
    const auto d = has_dim ? c10::optional<int64_t>(dim) : c10::optional<int64_t>();
    return is_min ? at::argmin(*self, d, keepdim != 0) : at::argmax(*self, d, keepdim != 0);
  });
}

TS_API TsTensor* ts_var(TsTensor* self, const int64_t* dims, int64_t ndims, int32_t all_dims, int32_t unbiased,
                        int32_t keepdim, int32_t is_std) {
  return ts::tensor_result([&] {
    if (all_dims && !keepdim) return is_std ? at::std(*self, unbiased != 0) : at::var(*self, unbiased != 0);
    std::vector<int64_t> every;
    for (int64_t d = 0; all_dims && d < self->dim(); ++d) every.push_back(d);
    const at::IntArrayRef d = all_dims ? at::IntArrayRef(every) : ts::int_list(dims, ndims);
    return is_std ? at::std(*self, d, unbiased != 0, keepdim != 0) : at::var(*self, d, unbiased != 0, keepdim != 0);
  });
}

TS_API TsTensor* ts_cumsum(TsTensor* self, int64_t dim) {
  return ts::tensor_result([&] { return at::cumsum(*self, dim); });
}

TS_API int32_t ts_sort(TsTensor* self, int64_t dim, int32_t descending, TsTensor** values, TsTensor** indices) {
  return ts::status_result([&] {
    auto result = at::sort(*self, dim, descending != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}

TS_API int32_t ts_topk(TsTensor* self, int64_t k, int64_t dim, int32_t largest, int32_t sorted, TsTensor** values,
                       TsTensor** indices) {
  return ts::status_result([&] {
    auto result = at::topk(*self, k, dim, largest != 0, sorted != 0);
    *values = new at::Tensor(std::get<0>(result));
    *indices = new at::Tensor(std::get<1>(result));
  });
}
