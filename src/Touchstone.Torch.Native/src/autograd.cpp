// Autograd: requires_grad, .grad, backward, autograd.grad (with create_graph for double backward), grad mode.
#include "shim.h"

#include <torch/csrc/autograd/autograd.h>

TS_API int32_t ts_requires_grad(TsTensor* self) {
  return ts::guard(int32_t{-1}, [&] { return self->requires_grad() ? 1 : 0; });
}

TS_API int32_t ts_set_requires_grad(TsTensor* self, int32_t value) {
  return ts::status_result([&] { self->set_requires_grad(value != 0); });
}

TS_API int32_t ts_is_leaf(TsTensor* self) {
  return ts::guard(int32_t{-1}, [&] { return self->is_leaf() ? 1 : 0; });
}

TS_API int32_t ts_retain_grad(TsTensor* self) {
  return ts::status_result([&] { self->retain_grad(); });
}

// The accumulated gradient, or *out = null when there is none.
TS_API int32_t ts_grad(TsTensor* self, TsTensor** out) {
  return ts::status_result([&] {
    const at::Tensor& grad = self->grad();
    *out = grad.defined() ? new at::Tensor(grad) : nullptr;
  });
}

// Sets or (with null) clears the gradient.
TS_API int32_t ts_set_grad(TsTensor* self, TsTensor* grad) {
  return ts::status_result([&] { self->mutable_grad() = grad ? *grad : at::Tensor(); });
}

// retain_graph: -1 default (= create_graph), 0 false, 1 true.
TS_API int32_t ts_backward(TsTensor* self, TsTensor* gradient, int32_t retain_graph, int32_t create_graph) {
  return ts::status_result([&] {
    const auto retain = retain_graph < 0 ? c10::optional<bool>() : c10::optional<bool>(retain_graph != 0);
    self->backward(gradient ? *gradient : at::Tensor(), retain, create_graph != 0);
  });
}

// torch.autograd.grad. grad_outputs may be null (ones for scalar outputs) or hold null entries; results for unused
// inputs are null when allow_unused is set.
TS_API int32_t ts_autograd_grad(TsTensor* const* outputs, int64_t n_outputs, TsTensor* const* inputs,
                                int64_t n_inputs, TsTensor* const* grad_outputs, int32_t retain_graph,
                                int32_t create_graph, int32_t allow_unused, TsTensor** results) {
  return ts::status_result([&] {
    std::vector<at::Tensor> grads;
    for (int64_t i = 0; grad_outputs && i < n_outputs; ++i)
      grads.push_back(grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
    const auto retain = retain_graph < 0 ? c10::optional<bool>() : c10::optional<bool>(retain_graph != 0);
    auto result = torch::autograd::grad(ts::tensor_list(outputs, n_outputs), ts::tensor_list(inputs, n_inputs),
                                        grads, retain, create_graph != 0, allow_unused != 0);
    for (int64_t i = 0; i < n_inputs; ++i)
      results[i] = result[i].defined() ? new at::Tensor(std::move(result[i])) : nullptr;
  });
}

TS_API int32_t ts_grad_enabled() { return c10::GradMode::is_enabled() ? 1 : 0; }

// Sets grad mode for this thread and returns the previous setting.
TS_API int32_t ts_set_grad_enabled(int32_t enabled) {
  const bool previous = c10::GradMode::is_enabled();
  c10::GradMode::set_enabled(enabled != 0);
  return previous ? 1 : 0;
}

TS_API int32_t ts_detach_(TsTensor* self) {
  return ts::status_result([&] { self->detach_(); });
}
