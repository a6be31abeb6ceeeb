// Shape, view and indexing operations.
#include "shim.h"

namespace {

int64_t arg(const int64_t* values, int64_t count, int64_t i, const char* op) {
  TORCH_CHECK(i < count, op, " expects at least ", i + 1, " integer arguments, got ", count);
  return values[i];
}

}  // namespace

// Integer-argument shape ops; the managed enum ShapeOp uses the same numbers.
TS_API TsTensor* ts_shape_op(TsTensor* self, int32_t op, const int64_t* a, int64_t n) {
  return ts::tensor_result([&]() -> at::Tensor {
    const at::Tensor& x = *self;
    switch (op) {
      case 0: return x.reshape(ts::int_list(a, n));
      case 1: return x.view(ts::int_list(a, n));
      case 2: return x.permute(ts::int_list(a, n));
      case 3: return x.expand(ts::int_list(a, n));
      case 4: return x.repeat(ts::int_list(a, n));
      case 5: return x.flatten(arg(a, n, 0, "flatten"), arg(a, n, 1, "flatten"));
      case 6: return n == 0 ? x.squeeze() : x.squeeze(a[0]);
      case 7: return x.unsqueeze(arg(a, n, 0, "unsqueeze"));
      case 8: return x.transpose(arg(a, n, 0, "transpose"), arg(a, n, 1, "transpose"));
      case 9: return x.narrow(arg(a, n, 0, "narrow"), arg(a, n, 1, "narrow"), arg(a, n, 2, "narrow"));
      case 10: return x.slice(arg(a, n, 0, "slice"), arg(a, n, 1, "slice"), arg(a, n, 2, "slice"), arg(a, n, 3, "slice"));
      case 11: return x.select(arg(a, n, 0, "select"), arg(a, n, 1, "select"));
      case 12: return at::tril(x, arg(a, n, 0, "tril"));
      case 13: return at::triu(x, arg(a, n, 0, "triu"));
      case 14: return at::one_hot(x, arg(a, n, 0, "one_hot"));
      case 15: return at::flip(x, ts::int_list(a, n));
      case 16: return at::movedim(x, arg(a, n, 0, "movedim"), arg(a, n, 1, "movedim"));
      case 17: return at::diagonal(x, arg(a, n, 0, "diagonal"), arg(a, n, 1, "diagonal"), arg(a, n, 2, "diagonal"));
      case 18: return at::diag_embed(x);
    }
    TORCH_CHECK(false, "unknown shape op code ", op);
  });
}

TS_API TsTensor* ts_cat(TsTensor* const* tensors, int64_t count, int64_t dim, int32_t stack) {
  return ts::tensor_result([&] {
    const auto list = ts::tensor_list(tensors, count);
    return stack ? at::stack(list, dim) : at::cat(list, dim);
  });
}

// chunk (is_chunk: `size` pieces) or split (pieces of `size`); fills up to capacity handles.
TS_API int32_t ts_split(TsTensor* self, int64_t size, int64_t dim, int32_t is_chunk, TsTensor** out,
                        int64_t capacity, int64_t* count) {
  return ts::status_result([&] {
    auto parts = is_chunk ? self->chunk(size, dim) : self->split(size, dim);
    TORCH_CHECK(static_cast<int64_t>(parts.size()) <= capacity, "split produced ", parts.size(),
                " pieces, more than the ", capacity, " expected");
    for (size_t i = 0; i < parts.size(); ++i) out[i] = new at::Tensor(std::move(parts[i]));
    *count = static_cast<int64_t>(parts.size());
  });
}

// op: 0 index_select, 1 gather.
TS_API TsTensor* ts_index_op(TsTensor* self, int64_t dim, TsTensor* index, int32_t op) {
  return ts::tensor_result([&] {
    return op == 0 ? at::index_select(*self, dim, *index) : at::gather(*self, dim, *index);
  });
}

// Out of place scatter (accumulate: scatter_add).
TS_API TsTensor* ts_scatter(TsTensor* self, int64_t dim, TsTensor* index, TsTensor* source, int32_t accumulate) {
  return ts::tensor_result([&] {
    return accumulate ? at::scatter_add(*self, dim, *index, *source) : at::scatter(*self, dim, *index, *source);
  });
}

TS_API TsTensor* ts_masked_fill(TsTensor* self, TsTensor* mask, double value, int64_t ivalue, int32_t is_int) {
  return ts::tensor_result([&] { return at::masked_fill(*self, *mask, ts::scalar(value, ivalue, is_int)); });
}

TS_API TsTensor* ts_masked_select(TsTensor* self, TsTensor* mask) {
  return ts::tensor_result([&] { return at::masked_select(*self, *mask); });
}

// Advanced indexing x[i0, i1, ...] with tensors (a null handle stands for a full slice `:`).
TS_API TsTensor* ts_index(TsTensor* self, TsTensor* const* indices, int64_t count) {
  return ts::tensor_result([&] {
    c10::List<c10::optional<at::Tensor>> list;
    for (int64_t i = 0; i < count; ++i) list.push_back(ts::optional_tensor(indices[i]));
    return at::index(*self, list);
  });
}

TS_API int32_t ts_index_put_(TsTensor* self, TsTensor* const* indices, int64_t count, TsTensor* values,
                             int32_t accumulate) {
  return ts::status_result([&] {
    c10::List<c10::optional<at::Tensor>> list;
    for (int64_t i = 0; i < count; ++i) list.push_back(ts::optional_tensor(indices[i]));
    self->index_put_(list, *values, accumulate != 0);
  });
}
