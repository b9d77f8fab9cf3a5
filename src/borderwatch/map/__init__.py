"""The map as folium objects: base map, layers, legend, the offline assets they load."""
