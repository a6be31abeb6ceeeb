// Explicit random generators, so that data streams and model initialisation can be seeded independently.
#include "shim.h"

#include <mutex>

TS_API TsGenerator* ts_generator_create(int32_t device_type, int32_t device_index, uint64_t seed) {
  return ts::guard(static_cast<TsGenerator*>(nullptr), [&] {
    const at::Device device = ts::device(device_type, device_index);
    // A clone of the device's default generator has the right implementation (CPU or CUDA) without naming it.
    at::Generator base = device.is_cpu() ? at::detail::getDefaultCPUGenerator()
                                         : at::globalContext().defaultGenerator(device);
    at::Generator fresh;
    {
      std::lock_guard<std::mutex> lock(base.mutex());
      fresh = base.clone();
    }
    fresh.set_current_seed(seed);
    return new at::Generator(std::move(fresh));
  });
}

TS_API void ts_generator_free(TsGenerator* generator) { delete generator; }

TS_API int32_t ts_generator_manual_seed(TsGenerator* generator, uint64_t seed) {
  return ts::status_result([&] {
    std::lock_guard<std::mutex> lock(generator->mutex());
    generator->set_current_seed(seed);
  });
}

TS_API uint64_t ts_generator_initial_seed(TsGenerator* generator) {
  return ts::guard(uint64_t{0}, [&] {
    std::lock_guard<std::mutex> lock(generator->mutex());
    return generator->current_seed();
  });
}

TS_API TsTensor* ts_generator_get_state(TsGenerator* generator) {
  return ts::tensor_result([&] {
    std::lock_guard<std::mutex> lock(generator->mutex());
    return generator->get_state();
  });
}

TS_API int32_t ts_generator_set_state(TsGenerator* generator, TsTensor* state) {
  return ts::status_result([&] {
    std::lock_guard<std::mutex> lock(generator->mutex());
    generator->set_state(*state);
  });
}
