// Handle lifetime, metadata, copies to host memory, conversions and printing.
#include "shim.h"

#include <cstring>
#include <sstream>

TS_API void ts_tensor_free(TsTensor* self) { delete self; }

// A second handle to the same tensor (shares storage and autograd identity).
TS_API TsTensor* ts_tensor_alias(TsTensor* self) {
  return ts::tensor_result([&] { return *self; });
}

// The metadata getters are guarded too: an undefined tensor would throw from inside libtorch.
TS_API int64_t ts_tensor_dim(TsTensor* self) {
  return ts::guard(int64_t{-1}, [&] { return self->dim(); });
}

TS_API int64_t ts_tensor_numel(TsTensor* self) {
  return ts::guard(int64_t{-1}, [&] { return self->numel(); });
}

TS_API int32_t ts_tensor_shape(TsTensor* self, int64_t* out) {
  return ts::status_result([&] {
    const auto sizes = self->sizes();
    std::copy(sizes.begin(), sizes.end(), out);
  });
}

TS_API int32_t ts_tensor_dtype(TsTensor* self) {
  return ts::guard(int32_t{-1}, [&] { return ts::scalar_type_code(self->scalar_type()); });
}

TS_API int32_t ts_tensor_device(TsTensor* self, int32_t* type, int32_t* index) {
  return ts::status_result([&] {
    const auto device = self->device();
    TORCH_CHECK(device.is_cpu() || device.is_cuda(), "tensor is on device ", device,
                ", which Touchstone.Torch does not support");
    *type = device.is_cuda() ? 1 : 0;
    *index = device.has_index() ? device.index() : 0;
  });
}

// Copies the tensor's values, row-major, into host memory of exactly nbytes.
TS_API int32_t ts_tensor_copy_to(TsTensor* self, void* out, int64_t nbytes) {
  return ts::status_result([&] {
    at::Tensor host = self->detach().to(at::kCPU).contiguous();
    const int64_t available = host.numel() * static_cast<int64_t>(host.element_size());
    TORCH_CHECK(available == nbytes, "the destination holds ", nbytes, " bytes but the tensor of shape ",
                host.sizes(), " and dtype ", c10::toString(host.scalar_type()), " has ", available);
    if (nbytes > 0) std::memcpy(out, host.data_ptr(), static_cast<size_t>(nbytes));
  });
}

// Converts to a device and/or dtype (dtype -1 keeps it; device_type -1 keeps it).
TS_API TsTensor* ts_tensor_to(TsTensor* self, int32_t dtype, int32_t device_type, int32_t device_index,
                              int32_t copy) {
  return ts::tensor_result([&] {
    const auto type = dtype < 0 ? self->scalar_type() : ts::scalar_type(dtype);
    const auto target = device_type < 0 ? self->device() : ts::device(device_type, device_index);
    return self->to(target, type, /*non_blocking=*/false, copy != 0);
  });
}

TS_API const char* ts_tensor_to_string(TsTensor* self) {
  return ts::guard(static_cast<const char*>(nullptr), [&] {
    std::ostringstream text;
    text << *self;
    return ts::thread_string(text.str());
  });
}

// Replaces the tensor's data in place, keeping its identity (how a module moves its parameters).
TS_API int32_t ts_tensor_set_data(TsTensor* self, TsTensor* data) {
  return ts::status_result([&] { self->set_data(*data); });
}

TS_API int32_t ts_tensor_is_contiguous(TsTensor* self) {
  return ts::guard(int32_t{-1}, [&] { return self->is_contiguous() ? 1 : 0; });
}
